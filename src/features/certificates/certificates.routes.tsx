import { Hono, type Context } from 'hono';
import { access, isOrgAdmin, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Forbidden, Invalid, type FieldErrors } from '../../platform/http/errors';
import { readForm, readFormWithLists } from '../../platform/http/forms';
import { clientAddress } from '../../platform/http/request';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import {
  installationDidDocument,
  issuerDid,
  issuerDidDocument,
  issuerDidUrl,
  revokedInStatusList,
  rotateSigningKey,
  statusListCredential,
  statusListUrl,
  verificationUrl,
} from './certificates.credential';
import { renderCertificatePdf } from './certificates.pdf';
import { canRevoke } from './certificates.policy';
import {
  checkPostedCredential,
  confirmCompletion,
  credentialOf,
  signingKeys,
  getCertificateToRevoke,
  getCompletionPage,
  getExceptionForm,
  myCertificates,
  recordException,
  revoke,
  verifyCertificate,
} from './certificates.service';
import { MyCertificatesPage, RevokeFormView, UnknownCertificatePage, VerificationPage } from './views/certificate';
import { CompletionPageView, ExceptionFormView } from './views/completion';
import { CheckCredentialForm, CredentialCheckResult, SigningKeysPage } from './views/credential';

/** `certificate-<programme>`, for downloaded files. */
function fileNameOf(programmeTitle: string): string {
  return `certificate-${programmeTitle
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)}`;
}

/** Confirming completion for a cohort, the certificates it issues, and the public page that checks them. */
export const certificateRoutes = new Hono<AppEnv>();

const BANNERS: Record<string, string> = {
  confirmed: 'Completion confirmed. Certificates are being issued and each participant has been told.',
  exception: 'Completion recorded as an exception. The certificate is being issued and the participant has been told.',
};

// ----- Confirming completion (programme leads) -----

async function completionPage(c: Context<AppEnv>, form?: { chosen: string[]; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const page = await getCompletionPage(c.get('deps'), viewer, c.req.param('cohortId') ?? '');
  return renderPage(
    c,
    {
      title: `Confirm completion: ${page.cohort.name}, ${page.cohort.programme_title}`,
      hasErrors: !!form,
      beforeContent: <BackLink href={`/cohorts/${page.cohort.id}`} text="Cohort" />,
    },
    <CompletionPageView page={page} errors={form?.errors} chosen={form?.chosen} banner={BANNERS[c.req.query('done') ?? '']} />,
  );
}

certificateRoutes.get('/cohorts/:cohortId/completion', access('programme-lead'), (c) => completionPage(c));

certificateRoutes.post('/cohorts/:cohortId/completion', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const cohortId = c.req.param('cohortId');
  const chosen = (await readFormWithLists(c)).list('enrolmentIds');
  try {
    await confirmCompletion(c.get('deps'), viewer, cohortId, chosen, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return completionPage(c, { chosen, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/cohorts/${cohortId}/completion?done=confirmed`, 303);
});

async function exceptionPage(c: Context<AppEnv>, form?: { reason: string; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getExceptionForm(c.get('deps'), viewer, c.req.param('cohortId') ?? '', c.req.param('enrolmentId') ?? '');
  return renderPage(
    c,
    {
      title: `Record completion as an exception: ${data.participant.name}`,
      hasErrors: !!form,
      beforeContent: <BackLink href={`/cohorts/${data.cohort.id}/completion`} text="Confirm completion" />,
    },
    <ExceptionFormView form={data} reason={form?.reason ?? ''} errors={form?.errors} />,
  );
}

certificateRoutes.get('/cohorts/:cohortId/completion/:enrolmentId/exception', access('programme-lead'), (c) => exceptionPage(c));

certificateRoutes.post('/cohorts/:cohortId/completion/:enrolmentId/exception', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const data = await getExceptionForm(deps, viewer, c.req.param('cohortId'), c.req.param('enrolmentId'));
  const values = await readForm(c);
  const reason = values.reason ?? '';
  try {
    await recordException(deps, viewer, data, reason, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return exceptionPage(c, { reason, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/cohorts/${data.cohort.id}/completion?done=exception`, 303);
});

// ----- The graduate's own certificates -----

certificateRoutes.get('/certificates', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  return renderPage(
    c,
    { title: 'Your certificates' },
    <MyCertificatesPage certificates={await myCertificates(c.get('deps'), viewer)} showSigningKey={isOrgAdmin(viewer)} />,
  );
});

// ----- The issuer's identity, keys and revocation list (public JSON) -----

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'no-cache' };

certificateRoutes.get('/.well-known/did.json', access('anyone'), async (c) => {
  const deps = c.get('deps');
  return c.body(JSON.stringify(await installationDidDocument(deps.db, deps.config.BASE_URL), null, 2), 200, JSON_HEADERS);
});

certificateRoutes.get('/issuers/:organisationId/did.json', access('anyone'), async (c) => {
  const deps = c.get('deps');
  const document = await issuerDidDocument(deps.db, deps.config.BASE_URL, c.req.param('organisationId'));
  if (!document) return c.json({ error: 'There is no issuer with this address.' }, 404);
  return c.body(JSON.stringify(document, null, 2), 200, JSON_HEADERS);
});

certificateRoutes.get('/issuers/:organisationId/status-list', access('anyone'), async (c) => {
  const list = await statusListCredential(c.get('deps').db, c.req.param('organisationId'));
  if (!list) return c.json({ error: 'There is no status list with this address.' }, 404);
  return c.body(list, 200, JSON_HEADERS);
});

// ----- The organisation's signing key (organisation admins) -----

async function signingKeyPage(c: Context<AppEnv>, banner?: string) {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const keys = await signingKeys(deps, viewer);
  const base = deps.config.BASE_URL;
  return renderPage(
    c,
    { title: 'Certificate signing key' },
    <SigningKeysPage
      did={issuerDid(base, viewer.organisationId)}
      didDocumentUrl={issuerDidUrl(base, viewer.organisationId)}
      statusListUrl={statusListUrl(base, viewer.organisationId)}
      keys={keys}
      banner={banner}
    />,
  );
}

certificateRoutes.get('/certificates/signing-key', access('org-admin'), (c) =>
  signingKeyPage(c, c.req.query('done') === 'replaced' ? 'The signing key was replaced. New certificates are signed with the new key.' : undefined),
);

certificateRoutes.post('/certificates/signing-key', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  if (!isOrgAdmin(viewer)) throw new Forbidden();
  const deps = c.get('deps');
  await rotateSigningKey(deps.db, deps.clock, deps.config, viewer.organisationId, viewer.id, c.get('requestId'));
  return c.redirect('/certificates/signing-key?done=replaced', 303);
});

// ----- Checking a credential file (anyone, no sign-in) -----

certificateRoutes.get('/certificates/check', access('anyone'), (c) => renderPage(c, { title: 'Check a digital credential' }, <CheckCredentialForm text="" />));

certificateRoutes.post('/certificates/check', access('anyone'), async (c) => {
  const form = await readFormWithLists(c);
  const text = form.values.credential ?? '';
  try {
    const check = await checkPostedCredential(c.get('deps'), { text, file: form.file('file') }, clientAddress(c));
    const title =
      check.outcome === 'genuine'
        ? 'This credential is genuine'
        : check.outcome === 'revoked'
          ? 'This credential was revoked'
          : 'This credential is not genuine';
    c.header('cache-control', 'no-store');
    return renderPage(c, { title }, <CredentialCheckResult check={check} />);
  } catch (error) {
    if (error instanceof Invalid)
      return renderPage(
        c,
        { title: 'Check a digital credential', hasErrors: true, status: 400 },
        <CheckCredentialForm text={text.length > 300_000 ? '' : text} errors={error.fieldErrors} />,
      );
    throw error;
  }
});

// ----- Checking a certificate (anyone, no sign-in) -----

certificateRoutes.get('/certificates/:code', access('anyone'), async (c) => {
  const found = await verifyCertificate(c.get('deps'), c.req.param('code'), clientAddress(c));
  if (!found) return renderPage(c, { title: 'There is no certificate with this code', status: 404 }, <UnknownCertificatePage />);
  // Revoked when the record says so, or when the signed status list that wallets read does.
  const certificate = found.revoked_at ? found : { ...found, revoked_at: await revokedInStatusList(c.get('deps').db, found) };
  const viewer = c.get('viewer');
  const title = certificate.revoked_at
    ? `Revoked certificate: ${certificate.recipient_name}`
    : `Certificate: ${certificate.recipient_name}, ${certificate.programme_title}`;
  c.header('cache-control', 'no-store');
  return renderPage(c, { title }, <VerificationPage certificate={certificate} canRevoke={!!viewer && canRevoke(viewer, certificate)} />);
});

certificateRoutes.get('/certificates/:code/certificate.pdf', access('anyone'), async (c) => {
  const deps = c.get('deps');
  const certificate = await verifyCertificate(deps, c.req.param('code'), clientAddress(c));
  if (!certificate) return renderPage(c, { title: 'There is no certificate with this code', status: 404 }, <UnknownCertificatePage />);
  const pdf = await renderCertificatePdf(certificate, verificationUrl(deps.config.BASE_URL, certificate.code), {
    credential: await credentialOf(deps, certificate),
  });
  const fileName = `${fileNameOf(certificate.programme_title)}.pdf`;
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
  });
});

certificateRoutes.get('/certificates/:code/credential.json', access('anyone'), async (c) => {
  const deps = c.get('deps');
  const certificate = await verifyCertificate(deps, c.req.param('code'), clientAddress(c));
  if (!certificate) return c.json({ error: 'There is no certificate with this code.' }, 404);
  return c.body(await credentialOf(deps, certificate), 200, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${fileNameOf(certificate.programme_title)}.json"`,
    'cache-control': 'no-store',
  });
});

// ----- Revoking (programme leads) -----

async function revokePage(c: Context<AppEnv>, form?: { reason: string; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const certificate = await getCertificateToRevoke(c.get('deps'), viewer, c.req.param('code') ?? '');
  return renderPage(
    c,
    {
      title: `Revoke certificate: ${certificate.recipient_name}`,
      hasErrors: !!form,
      beforeContent: <BackLink href={`/certificates/${certificate.code}`} text="Certificate" />,
    },
    <RevokeFormView certificate={certificate} reason={form?.reason ?? ''} errors={form?.errors} />,
  );
}

certificateRoutes.get('/certificates/:code/revoke', access('signed-in'), (c) => revokePage(c));

certificateRoutes.post('/certificates/:code/revoke', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const certificate = await getCertificateToRevoke(deps, viewer, c.req.param('code'));
  const values = await readForm(c);
  const reason = values.reason ?? '';
  try {
    await revoke(deps, viewer, certificate, reason, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return revokePage(c, { reason, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/certificates/${certificate.code}`, 303);
});
