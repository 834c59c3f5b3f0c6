import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type TestPerson, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeCohort, makeEnrolment, makeFramework, makeProgramme } from '../../../test/support/programme-world';
import { present } from '../../../test/support/present';
import { decryptSecret, generateSigningKey } from '../../platform/credentials/keys';
import { didDocument, verificationMethod } from '../../platform/credentials/did';
import { documentLoaderFor, signCredential, STATUS_LIST_LENGTH } from '../../platform/credentials/signing';
import type { Db } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { features } from '../index';
import { publishStatusList } from './certificates.credential';

// The signed Open Badges 3.0 credential that comes with each certificate, checked as someone
// outside Waymark would: with Digital Bazaar's libraries, contexts from the registry packages, and
// the issuer's DID document and status list read from Waymark's public addresses (no network).

type Credential = Record<string, unknown> & {
  id: string;
  issuer: { id: string; name: string };
  credentialSubject: {
    type: string[];
    identifier: { identityType: string; identityHash: string; salt: string; hashed: boolean }[];
    achievement: { name: string; criteria: { narrative: string }; alignment: { targetCode: string; targetName: string; targetUrl: string }[] };
  };
  credentialStatus: { statusListIndex: string; statusListCredential: string };
  proof: { type: string; cryptosuite: string; verificationMethod: string }[];
};

const at = '2026-11-01T09:00:00.000Z';

/** A document loader as an outside verifier builds one: bundled contexts, and Waymark's public documents read over HTTP. */
async function verifierLoader(app: TestClient): Promise<vc.DocumentLoader> {
  const contexts = await documentLoaderFor(async () => undefined);
  const fetchJson = async (path: string) => {
    const page = await app.get(path);
    if (page.status !== 200) throw new Error(`${path} gave ${page.status}`);
    return JSON.parse(page.text) as object;
  };
  return async (url: string) => {
    if (url.startsWith('did:web:')) {
      // did:web:localhost:issuers:<id>#key → http://localhost/issuers/<id>/did.json (the did:web rule)
      const [did = '', fragment] = url.split('#');
      const path = `/${did.split(':').slice(3).map(decodeURIComponent).join('/')}/did.json`;
      const document = (await fetchJson(path)) as { '@context': unknown; verificationMethod: { id: string }[] };
      const method = fragment ? document.verificationMethod.find((m) => m.id === url) : document;
      if (!method) throw new Error(`${url} is not in the DID document`);
      return { contextUrl: null, documentUrl: url, document: fragment ? { '@context': document['@context'], ...method } : document };
    }
    if (url.startsWith('http://localhost/issuers/'))
      return { contextUrl: null, documentUrl: url, document: await fetchJson(url.slice('http://localhost'.length)) };
    return contexts(url);
  };
}

async function verifyOutside(credential: object, loader: vc.DocumentLoader) {
  const suite = new DataIntegrityProof({ cryptosuite });
  return vc.verifyCredential({
    credential,
    suite,
    documentLoader: loader,
    checkStatus: (options) => checkStatus({ ...options, documentLoader: loader, suite, verifyBitstringStatusListCredential: true }),
  });
}

async function enrol(db: Db, world: World, cohortId: string, programmeId: string, personId: string) {
  const id = await makeEnrolment(db, { organisationId: world.organisation.id, cohortId, programmeId, personId });
  await db.insertInto('enrolment_signoffs').values({ enrolment_id: id, signed_off_by: world.programmeLead.id, note: 'Well done', created_at: at }).execute();
  return id;
}

describeEachEngine('the signed Open Badges 3.0 credential of a certificate', (ctx) => {
  let world: World;
  let lead: TestClient;
  let anyone: TestClient;
  let cohortId: string;
  let ada: TestPerson;
  let bo: TestPerson;
  const enrolments: Record<string, string> = {};
  const codes: Record<string, string> = {};
  let adaCredential: Credential;
  let programmeId: string;

  async function complete(name: string) {
    const enrolmentId = present(enrolments[name], 'the enrolment');
    expect((await lead.post(`/cohorts/${cohortId}/completion`, { enrolmentIds: enrolmentId })).status).toBe(303);
    await ctx().deliverMail();
    const certificate = await ctx().db.selectFrom('certificates').select('code').where('enrolment_id', '=', enrolmentId).executeTakeFirstOrThrow();
    codes[name] = certificate.code;
    const download = await anyone.get(`/certificates/${certificate.code}/credential.json`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="certificate-towards-middle-leadership\.json"$/);
    return JSON.parse(download.text) as Credential;
  }

  beforeAll(async () => {
    const db = ctx().db;
    world = await makeWorld(db);
    const framework = await makeFramework(db, world.organisation.id, { title: 'Leadership skills', skills: ['LT1', 'CU2'] });
    const programme = await makeProgramme(db, {
      organisationId: world.organisation.id,
      title: 'Towards Middle Leadership',
      requirements: [{ kind: 'sign_off' }],
    });
    programmeId = programme.id;
    for (const skillId of framework.skillIds) await db.insertInto('programme_focus_skills').values({ programme_id: programme.id, skill_id: skillId }).execute();
    cohortId = (await makeCohort(db, { organisationId: world.organisation.id, programmeId: programme.id, name: 'Cohort 4', leadIds: [world.programmeLead.id] }))
      .id;
    ada = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Ada', familyName: 'Ng' });
    bo = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Bo', familyName: 'Ødegård' });
    await db.updateTable('people').set({ trn: '1234567' }).where('id', '=', ada.id).execute();
    for (const p of [ada, bo]) enrolments[p.givenName] = await enrol(db, world, cohortId, programme.id, p.id);
    lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    anyone = ctx().client({ address: '10.8.0.1' });
    adaCredential = await complete('Ada');
  });

  it('is an OpenBadgeCredential from the organisation’s did:web, with hashed identifiers, the criteria and the skills', async () => {
    const c = adaCredential;
    expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(c.validFrom).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(c.issuer.id).toBe(`did:web:localhost:issuers:${world.organisation.id}`);
    expect(c.issuer.name).toBe(world.organisation.name);
    expect(c.credentialSubject.type).toEqual(['AchievementSubject']);
    // Not the email address alone, and never in the clear: the email and the TRN, each salted and hashed.
    const [email, trn] = c.credentialSubject.identifier;
    expect(JSON.stringify(c)).not.toContain(ada.email);
    expect(email?.identityType).toBe('emailAddress');
    expect(email?.identityHash).toBe(`sha256$${createHash('sha256').update(`${ada.email.toLowerCase()}${email?.salt}`).digest('hex')}`);
    expect(trn?.identityType).toBe('ext:TeacherReferenceNumber');
    expect(trn?.identityHash).toBe(`sha256$${createHash('sha256').update(`1234567${trn?.salt}`).digest('hex')}`);
    expect(c.credentialSubject.achievement.name).toBe('Towards Middle Leadership');
    expect(c.credentialSubject.achievement.criteria.narrative).toContain('Programme lead sign-off');
    expect(c.credentialSubject.achievement.alignment.map((a) => [a.targetCode, a.targetName])).toEqual([
      ['LT1', 'Skill LT1'],
      ['CU2', 'Skill CU2'],
    ]);
    expect(c.credentialSubject.achievement.alignment[0]?.targetUrl).toBe(`http://localhost/certificates/${codes.Ada}#skill-LT1`);
    expect(c.proof).toHaveLength(1);
    expect(c.proof[0]).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' });
    expect(c.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListCredential: `http://localhost/issuers/${world.organisation.id}/status-list`,
    });
    // A person without a TRN is identified by their hashed email address.
    const bos = await complete('Bo');
    expect(bos.credentialSubject.identifier.map((i) => i.identityType)).toEqual(['emailAddress']);
  });

  it('validates against the 1EdTech Open Badges 3.0 JSON schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../../test/fixtures/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(adaCredential);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('verifies with the standard libraries, offline, against the DID document and status list Waymark publishes', async () => {
    const did = JSON.parse((await anyone.get(`/issuers/${world.organisation.id}/did.json`)).text);
    expect(did.id).toBe(adaCredential.issuer.id);
    expect(did.assertionMethod).toEqual([adaCredential.proof[0]?.verificationMethod]);
    expect(did.verificationMethod[0]).toMatchObject({ type: 'Multikey', controller: did.id });
    const installation = JSON.parse((await anyone.get('/.well-known/did.json')).text);
    expect(installation.id).toBe('did:web:localhost');
    expect(installation.assertionMethod).toContain(adaCredential.proof[0]?.verificationMethod);

    const result = await verifyOutside(adaCredential, await verifierLoader(anyone));
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    expect((result.statusResult as { results?: { status: boolean }[] }).results?.[0]?.status).toBe(false);
  });

  it('an edited copy fails, and the check page says it is not genuine', async () => {
    const edited = structuredClone(adaCredential);
    edited.credentialSubject.achievement.name = 'National Professional Qualification for Headship';
    const result = await verifyOutside(edited, await verifierLoader(anyone));
    expect(result.verified).toBe(false);

    const page = await anyone.post('/certificates/check', { credential: JSON.stringify(edited) });
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('This credential is not genuine');
    expect(visibleText(page.text)).not.toContain('Ada Ng');
  });

  it('a credential forged with another key, naming the organisation as issuer, is not genuine', async () => {
    const forger = await generateSigningKey('a-forger-secret-of-thirty-two-characters');
    const did = adaCredential.issuer.id;
    const method = verificationMethod(did, forger.publicKeyMultibase);
    const { proof: _proof, ...unsigned } = structuredClone(adaCredential);
    const forged = await signCredential(
      unsigned,
      {
        id: method.id,
        controller: did,
        publicKeyMultibase: forger.publicKeyMultibase,
        secretKeyMultibase: decryptSecret(forger.sealedSecretKey, 'a-forger-secret-of-thirty-two-characters'),
      },
      async () => didDocument(did, [method]),
      new Date(),
    );
    expect((await verifyOutside(forged, await verifierLoader(anyone))).verified).toBe(false);
    const page = await anyone.upload(
      '/certificates/check',
      {},
      { field: 'file', name: 'badge.json', content: JSON.stringify(forged), type: 'application/json' },
    );
    expect(visibleText(page.text)).toContain('This credential is not genuine');
  });

  it('odd objects that are not credentials are reported not genuine, never an error', async () => {
    const issuer = adaCredential.issuer.id;
    const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', proofValue: 'z1111' };
    for (const odd of [
      {},
      { '@context': 'https://example.org/remote-context.jsonld', type: 'VerifiableCredential' },
      { ...structuredClone(adaCredential), proof: [] },
      { ...structuredClone(adaCredential), proof: [{ ...proof, verificationMethod: `${issuer}#not-a-key` }] },
      { ...structuredClone(adaCredential), proof: [{ ...proof, verificationMethod: 'did:web:example.org#key' }] },
      { ...structuredClone(adaCredential), '@context': ['https://www.w3.org/ns/credentials/v2', { '@import': 'https://example.org/evil.jsonld' }] },
    ]) {
      const page = await anyone.post('/certificates/check', { credential: JSON.stringify(odd) });
      expect(page.status, JSON.stringify(odd).slice(0, 80)).toBe(200);
      expect(visibleText(page.text)).toContain('This credential is not genuine');
    }
  });

  it('refuses an address that checks many credentials that are not genuine', async () => {
    const flooder = ctx().client({ address: '10.8.0.9' });
    let last = 0;
    for (let i = 0; i < 70 && last !== 429; i++) last = (await flooder.post('/certificates/check', { credential: `{"n":${i}}` })).status;
    expect(last).toBe(429);
    // Another address is unaffected.
    expect(visibleText((await anyone.post('/certificates/check', { credential: JSON.stringify(adaCredential) })).text)).toContain('genuine');
  });

  it('the genuine credential, pasted or uploaded, is reported genuine with the award', async () => {
    const pasted = visibleText((await anyone.post('/certificates/check', { credential: JSON.stringify(adaCredential, null, 2) })).text);
    expect(pasted).toContain('This credential is genuine');
    expect(pasted).toContain('Ada Ng');
    expect(pasted).toContain('Towards Middle Leadership');
    const uploaded = await anyone.upload(
      '/certificates/check',
      {},
      { field: 'file', name: 'badge.json', content: JSON.stringify(adaCredential), type: 'application/json' },
    );
    expect(visibleText(uploaded.text)).toContain('This credential is genuine');
  });

  it('bad input gets an error summary on the same page, and nothing is checked', async () => {
    for (const [form, message] of [
      [{ credential: '' }, 'Paste the credential, or choose its file'],
      [{ credential: 'this is not json' }, 'The text is not a credential: it is not JSON'],
      [{ credential: '[1, 2]' }, 'a credential is a JSON object'],
    ] as const) {
      const page = await anyone.post('/certificates/check', form);
      expect(page.status).toBe(400);
      expect(page.text).toContain('govuk-error-summary');
      expect(visibleText(page.text)).toContain(message);
    }
    const both = await anyone.upload('/certificates/check', { credential: '{}' }, { field: 'file', name: 'b.json', content: '{}', type: 'application/json' });
    expect(both.status).toBe(400);
    expect(visibleText(both.text)).toContain('not both');
    const huge = await anyone.upload('/certificates/check', {}, { field: 'file', name: 'b.json', content: `{"a":"${'x'.repeat(300_000)}"}` });
    expect(huge.status).toBe(400);
    expect(visibleText(huge.text)).toContain('256 KB or smaller');
  });

  it('the PDF carries the credential as an embedded file, with its id in the document information', async () => {
    const pdf = Buffer.from(await (await ctx().app.request(`/certificates/${codes.Ada}/certificate.pdf`)).arrayBuffer()).toString('latin1');
    expect(pdf).toContain('(open-badge-credential.json)');
    expect(pdf).toContain('/AFRelationship /Data');
    expect(pdf).toContain(`OpenBadgeCredential ${adaCredential.id}`);
  });

  it('revoking re-signs the status list with the bit set: the standard check and Waymark’s pages both say revoked', async () => {
    const before = JSON.parse((await anyone.get(`/issuers/${world.organisation.id}/status-list`)).text);
    expect((await lead.post(`/certificates/${codes.Ada}/revoke`, { reason: 'Awarded in error' })).status).toBe(303);
    const after = JSON.parse((await anyone.get(`/issuers/${world.organisation.id}/status-list`)).text);
    expect(after.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(after.proof.proofValue).not.toBe(before.proof.proofValue);
    const { BitstringStatusList } = await import('@digitalbazaar/vc-bitstring-status-list');
    const list = await BitstringStatusList.decode({ encodedList: after.credentialSubject.encodedList });
    expect(list.length).toBeGreaterThanOrEqual(STATUS_LIST_LENGTH);
    expect(list.getStatus(Number(adaCredential.credentialStatus.statusListIndex))).toBe(true);

    // The library still calls the credential "verified": the status bit has to be read.
    const result = await verifyOutside(adaCredential, await verifierLoader(anyone));
    expect(result.verified).toBe(true);
    expect((result.statusResult as { results?: { status: boolean }[] }).results?.[0]?.status).toBe(true);

    const page = visibleText((await anyone.post('/certificates/check', { credential: JSON.stringify(adaCredential) })).text);
    expect(page).toMatch(/This credential was revoked on \d+ [A-Z][a-z]+ \d{4}/);
    expect(page).not.toContain('This credential is genuine');
  });

  it('the verification page reads the signed status list as well as the record', async () => {
    const db = ctx().db;
    const code = present(codes.Bo, 'Bo’s code');
    // The list says revoked while the record does not (as if the record were restored from an older backup).
    await db.updateTable('certificates').set({ revoked_at: '2026-11-24T09:00:00.000Z' }).where('code', '=', code).execute();
    await publishStatusList(db, ctx().clock, ctx().config, world.organisation.id);
    await db.updateTable('certificates').set({ revoked_at: null }).where('code', '=', code).execute();
    const page = visibleText((await anyone.get(`/certificates/${code}`)).text);
    expect(page).toContain('This certificate was revoked on 24 November 2026');
    await publishStatusList(db, ctx().clock, ctx().config, world.organisation.id);
    expect(visibleText((await anyone.get(`/certificates/${code}`)).text)).toContain('This is a genuine certificate');
  });

  it('an organisation admin replaces the signing key: old credentials still verify, new ones use the new key, and it is audited', async () => {
    const admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    const keysPage = visibleText((await admin.get('/certificates/signing-key')).text);
    expect(keysPage).toContain(`did:web:localhost:issuers:${world.organisation.id}`);
    expect((await admin.post('/certificates/signing-key', {})).status).toBe(303);
    const did = JSON.parse((await anyone.get(`/issuers/${world.organisation.id}/did.json`)).text);
    expect(did.assertionMethod).toHaveLength(2);
    expect(did.assertionMethod).toContain(adaCredential.proof[0]?.verificationMethod);

    const bos = JSON.parse((await anyone.get(`/certificates/${codes.Bo}/credential.json`)).text) as Credential;
    const loader = await verifierLoader(anyone);
    expect((await verifyOutside(bos, loader)).verified).toBe(true);
    // The status list, re-signed with the new key, still verifies too.
    const list = JSON.parse((await anyone.get(`/issuers/${world.organisation.id}/status-list`)).text);
    expect(list.proof.verificationMethod).not.toBe(adaCredential.proof[0]?.verificationMethod);
    const audit = await ctx().db.selectFrom('audit_events').select('actor_id').where('action', '=', 'signing_key_rotated').execute();
    expect(audit).toEqual([{ actor_id: world.orgAdmin.id }]);
    expect((await lead.get('/certificates/signing-key')).status).toBe(403);
  });

  it('a certificate issued before credentials were signed gets one, once, from the worker (revoked ones listed as revoked)', async () => {
    const db = ctx().db;
    const earlier = await db.selectFrom('certificates').selectAll().where('code', '=', present(codes.Bo, 'Bo’s code')).executeTakeFirstOrThrow();
    const code = 'L'.repeat(43);
    const dee = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Dee', familyName: 'Marsh' });
    await db
      .insertInto('certificates')
      .values({
        ...earlier,
        id: newId(),
        person_id: dee.id,
        recipient_name: 'Dee Marsh',
        enrolment_id: await enrol(db, world, cohortId, programmeId, dee.id),
        code,
        revoked_at: '2026-11-20T10:00:00.000Z',
        revoked_by: world.programmeLead.id,
        revoked_reason: 'Awarded twice',
        credential_id: null,
        credential: null,
        status_index: null,
      })
      .execute();
    // The worker's sweep signs it (and any others without one); a download finds it signed.
    const sweep = present(
      features.sweeps(ctx().config).find((s) => s.name === 'certificate-credentials'),
      'the sweep',
    );
    expect(await sweep.run(db, ctx().clock)).toBe(1);
    expect(await sweep.run(db, ctx().clock)).toBe(0);
    const first = await anyone.get(`/certificates/${code}/credential.json`);
    expect(first.status).toBe(200);
    const again = await anyone.get(`/certificates/${code}/credential.json`);
    expect(again.text).toBe(first.text);
    const credential = JSON.parse(first.text) as Credential;
    const result = await verifyOutside(credential, await verifierLoader(anyone));
    expect(result.verified).toBe(true);
    expect((result.statusResult as { results?: { status: boolean }[] }).results?.[0]?.status).toBe(true);
  });

  it('keeps private keys encrypted with SIGNING_KEYS_SECRET, and refuses documents from the network', async () => {
    const keys = await ctx().db.selectFrom('issuer_keys').select(['public_key_multibase', 'secret_key_sealed']).execute();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key.secret_key_sealed).toMatch(/^v1\./);
      const secret = decryptSecret(key.secret_key_sealed, ctx().config.SIGNING_KEYS_SECRET);
      expect(secret).toMatch(/^z/);
      expect(key.secret_key_sealed).not.toContain(secret);
      expect(() => decryptSecret(key.secret_key_sealed, 'another-secret-of-at-least-thirty-two-chars')).toThrow(/SIGNING_KEYS_SECRET/);
    }
    const loader = await documentLoaderFor(async () => undefined);
    await expect(loader('https://example.org/contexts/evil.jsonld')).rejects.toThrow(/never fetched from the network/);
  });
});
