import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importStaffFile } from './staff-import.service';
import type { Db } from '../../platform/db/database';
import { describeEachEngine, type TestContext } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { visibleText, type TestClient } from '../../../test/support/http';
import { item, part, present } from '../../../test/support/present';

let unique = 0;
/** A suffix that keeps emails unique across tests sharing one database. */
const tag = () => `t${Date.now().toString(36)}${(unique++).toString(36)}`;

/** Buffers may share memory; a File needs bytes of its own. */
function asUploadContent(content: string | Uint8Array): string | Uint8Array<ArrayBuffer> {
  return typeof content === 'string' ? content : new Uint8Array(content);
}

async function peopleOf(db: Db, organisationId: string) {
  return db.selectFrom('people').selectAll().where('organisation_id', '=', organisationId).orderBy('email_normalised').execute();
}

async function countRows(db: Db) {
  const [people, imports] = await Promise.all([
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('staff_imports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { people: Number(people.n), imports: Number(imports.n) };
}

describeEachEngine(
  'importing staff from a CSV file',
  (ctx: () => TestContext) => {
    async function signedIn(email: string): Promise<TestClient> {
      const client = ctx().client();
      await signIn(client, email);
      return client;
    }

    /** Uploads a file and returns the import's address (the redirect target). */
    async function upload(client: TestClient, content: string | Uint8Array, fields: Record<string, string> = {}, name = 'staff.csv'): Promise<string> {
      const page = await client.upload('/import', fields, { field: 'file', name, content: asUploadContent(content) });
      expect(page.status, visibleText(page.text).slice(0, 500)).toBe(303);
      expect(page.location).toMatch(/^\/import\/[0-9a-f-]{36}$/);
      return page.location as string;
    }

    async function applyImport(client: TestClient, importPath: string): Promise<string> {
      const applied = await client.post(`${importPath}/apply`);
      expect(applied.status).toBe(303);
      expect(applied.location).toBe(`${importPath}?applied=1`);
      return visibleText((await client.get(applied.location as string)).text);
    }

    function arborFile(t: string) {
      return [
        'Legal First Name,Preferred First Name,Legal Last Name,Work Email Address,Job Title,Staff Type,Employment Start Date,Staff ID,Line Manager Email',
        `Adaline,Ada,Lovelace,ada.${t}@aspen.sch.uk,Head of Computing,Teacher,01/09/2015,A${t}1,grace.${t}@aspen.sch.uk`,
        `Grace,,Hopper,grace.${t}@aspen.sch.uk,Deputy Headteacher,Teacher,1 September 2009,A${t}2,`,
        `Katherine,,Johnson,katherine.${t}@aspen.sch.uk,Teaching Assistant,Support,2021-01-04,A${t}3,grace.${t}@aspen.sch.uk`,
      ].join('\r\n');
    }

    it('an admin imports an Arbor-style file: sees the preview, then the result', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const admin = await signedIn(world.orgAdmin.email);
      const importPath = await upload(admin, arborFile(t), { defaultSchoolId: world.schoolA.id }, 'arbor-staff.csv');

      const preview = await admin.get(importPath);
      expect(preview.status).toBe(200);
      const text = visibleText(preview.text);
      expect(text).toContain('Check the import before you confirm it');
      expect(text).toContain('To add 3 people');
      expect(text).toContain('To update 0 people');
      expect(text).toContain(`Ada Lovelace ada.${t}@aspen.sch.uk ${world.schoolA.name} Head of Computing`);
      expect(await peopleOf(db, world.organisation.id)).toHaveLength(7);

      const result = await applyImport(admin, importPath);
      expect(result).toContain('Import complete');
      expect(result).toContain('3 people added and 0 people updated');

      const people = await peopleOf(db, world.organisation.id);
      const ada = people.find((p) => p.email === `ada.${t}@aspen.sch.uk`);
      const grace = people.find((p) => p.email === `grace.${t}@aspen.sch.uk`);
      const katherine = people.find((p) => p.email === `katherine.${t}@aspen.sch.uk`);
      expect(ada).toMatchObject({
        given_name: 'Ada',
        family_name: 'Lovelace',
        email_normalised: `ada.${t}@aspen.sch.uk`,
        job_title: 'Head of Computing',
        staff_type: 'teaching',
        started_in_schools_on: '2015-09-01',
        mis_staff_id: `A${t}1`,
        school_id: world.schoolA.id,
        line_manager_id: grace?.id,
        status: 'active',
        search_text: `ada lovelace ada.${t}@aspen.sch.uk head of computing`,
      });
      expect(
        await db
          .selectFrom('passwords')
          .select('person_id')
          .where('person_id', '=', ada?.id ?? '')
          .executeTakeFirst(),
        'an imported person has no password yet',
      ).toBeUndefined();
      expect(grace).toMatchObject({ started_in_schools_on: '2009-09-01', line_manager_id: null });
      expect(katherine).toMatchObject({ staff_type: 'associate', started_in_schools_on: '2021-01-04', line_manager_id: grace?.id });

      const audit = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'staff_import_applied')
        .where('organisation_id', '=', world.organisation.id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(item(audit, 0).actor_id).toBe(world.orgAdmin.id);
      expect(JSON.parse(item(audit, 0).detail)).toMatchObject({ fileName: 'arbor-staff.csv', created: 3, updated: 0, unchanged: 0, rejected: 0 });

      const list = visibleText((await admin.get('/import')).text);
      expect(list).toContain('arbor-staff.csv');
      expect(list).toContain('3 added, 0 updated, 0 unchanged, 0 not imported');
    });

    it('SIMS-style and Bromcom-style column headings are recognised without matching by hand', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const admin = await signedIn(world.orgAdmin.email);
      const sims = [
        'Legal Surname,Legal Forename,Preferred Forename,Email Address,Post,Category,Date Started in Education,Teacher Number,Staff Code,School Name',
        `Okafor,Chinedu,Chi,chi.${t}@birch.sch.uk,Class Teacher,Teacher,03/09/2012,12/34567,S${t}CO,${world.schoolB.name}`,
        `Patel,Priya,,priya.${t}@birch.sch.uk,Business Manager,Support Staff,14/04/2018,,S${t}PP,${world.schoolB.name.toUpperCase()}`,
      ].join('\n');
      const bromcom = [
        'First Name;Last Name;Work Email;Role;Teaching/Support;Start Date;Employee Number;Leadership Level',
        `Dana;Scully;dana.${t}@aspen.sch.uk;Assistant Head;Teaching;2016-09-01;B${t}1;Senior leader`,
      ].join('\n');

      for (const [file, expected] of [
        [sims, ['Chi Okafor', 'Priya Patel']],
        [bromcom, ['Dana Scully']],
      ] as const) {
        const importPath = await upload(admin, file, { defaultSchoolId: world.schoolA.id });
        const text = visibleText((await admin.get(importPath)).text);
        expect(text).toContain('Check the import before you confirm it');
        for (const name of expected) expect(text).toContain(name);
        await applyImport(admin, importPath);
      }
      const people = await peopleOf(db, world.organisation.id);
      expect(people.find((p) => p.email === `chi.${t}@birch.sch.uk`)).toMatchObject({
        given_name: 'Chi',
        trn: '1234567',
        school_id: world.schoolB.id,
        started_in_schools_on: '2012-09-03',
      });
      expect(people.find((p) => p.email === `priya.${t}@birch.sch.uk`)).toMatchObject({
        given_name: 'Priya',
        staff_type: 'associate',
        school_id: world.schoolB.id,
      });
      expect(people.find((p) => p.email === `dana.${t}@aspen.sch.uk`)).toMatchObject({
        leadership_level: 'senior',
        mis_staff_id: `B${t}1`,
        school_id: world.schoolA.id,
      });
    });

    it('a SIMS “Title” column (Mr, Dr…) gives people their title: shown in the preview, saved, and a changed title shown as a change', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const admin = await signedIn(world.orgAdmin.email);
      const file = (title: string) =>
        [
          'Title,Legal Forename,Legal Surname,Email Address,Post,Category',
          `Dr,Amira,Haddad,amira.${t}@aspen.sch.uk,Head of Science,Teacher`,
          `${title},Tom,Walsh,tom.${t}@aspen.sch.uk,Teacher of History,Teacher`,
        ].join('\n');
      const first = await upload(admin, file('Mr'), { defaultSchoolId: world.schoolA.id });
      const preview = visibleText((await admin.get(first)).text);
      expect(preview).toContain('Dr Amira Haddad');
      expect(preview).toContain('Mr Tom Walsh');
      await applyImport(admin, first);
      const people = await peopleOf(db, world.organisation.id);
      expect(people.find((p) => p.email === `amira.${t}@aspen.sch.uk`)).toMatchObject({ title: 'Dr', given_name: 'Amira', job_title: 'Head of Science' });
      expect(people.find((p) => p.email === `tom.${t}@aspen.sch.uk`)).toMatchObject({ title: 'Mr' });

      const second = await upload(admin, file('Dr'), { defaultSchoolId: world.schoolA.id });
      const changes = visibleText((await admin.get(second)).text);
      expect(changes).toContain('Title: Mr → changes to Dr');
      await applyImport(admin, second);
      expect((await peopleOf(db, world.organisation.id)).find((p) => p.email === `tom.${t}@aspen.sch.uk`)).toMatchObject({ title: 'Dr' });
    });

    it('a file with headings Waymark does not know is matched by the admin', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const admin = await signedIn(world.orgAdmin.email);
      const importPath = await upload(admin, `Given,Family,Mail,Kind,Title\nRosalind,Franklin,ros.${t}@aspen.sch.uk,Teacher,Teacher of Chemistry\n`, {
        defaultSchoolId: world.schoolA.id,
      });

      const mapping = await admin.get(importPath);
      const text = visibleText(mapping.text);
      expect(text).toContain('Match the columns in your file');
      expect(text).toContain('Waymark could not find a column for: First name, Last name, Work email, Staff type');
      expect(text).toContain('Given (for example “Rosalind”)');

      const missing = await admin.post(`${importPath}/mapping`, { 'column-givenName': 'Given', 'column-familyName': 'Family' });
      expect(missing.status).toBe(400);
      expect(missing.text).toContain('href="#column-email"');
      expect(visibleText(missing.text)).toContain('Select the column that holds each person’s work email');
      const twice = await admin.post(`${importPath}/mapping`, {
        'column-givenName': 'Given',
        'column-familyName': 'Given',
        'column-email': 'Mail',
        'column-staffType': 'Kind',
      });
      expect(twice.status).toBe(400);
      expect(visibleText(twice.text)).toContain('“Given” is already chosen for first name');

      const saved = await admin.post(`${importPath}/mapping`, {
        'column-givenName': 'Given',
        'column-familyName': 'Family',
        'column-email': 'Mail',
        'column-staffType': 'Kind',
        'column-jobTitle': 'Title',
      });
      expect(saved.status).toBe(303);
      expect(saved.location).toBe(importPath);
      const preview = visibleText((await admin.get(importPath)).text);
      expect(preview).toContain('To add 1 person');
      expect(preview).toContain('Rosalind Franklin');
      // The matching can be changed on request, prefilled with the current choice.
      const again = await admin.get(`${importPath}/mapping`);
      expect(again.text).toMatch(/<option value="Title" selected="">Title/);

      await applyImport(admin, importPath);
      expect((await peopleOf(db, world.organisation.id)).find((p) => p.email === `ros.${t}@aspen.sch.uk`)).toMatchObject({ job_title: 'Teacher of Chemistry' });
    });

    it('importing the same file again changes nothing', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const admin = await signedIn(world.orgAdmin.email);
      await applyImport(admin, await upload(admin, arborFile(t), { defaultSchoolId: world.schoolA.id }));
      const before = await peopleOf(db, world.organisation.id);
      ctx().clock.advance(60_000);

      const importPath = await upload(admin, arborFile(t), { defaultSchoolId: world.schoolA.id });
      const preview = visibleText((await admin.get(importPath)).text);
      expect(preview).toContain('To add 0 people');
      expect(preview).toContain('To update 0 people');
      expect(preview).toContain('Already up to date 3 people');
      expect(preview).toContain('Nothing will change');
      const result = await applyImport(admin, importPath);
      expect(result).toContain('0 people added and 0 people updated');
      expect(await peopleOf(db, world.organisation.id)).toEqual(before);
    });

    it('someone matched by MIS staff ID gets their changed email updated', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const existing = await makePerson(db, {
        organisationId: world.organisation.id,
        schoolId: world.schoolA.id,
        givenName: 'Mae',
        familyName: 'Jemison',
        email: `mae.old.${t}@aspen.sch.uk`,
        misStaffId: `M${t}`,
        jobTitle: 'Teacher of Physics',
      });
      const admin = await signedIn(world.orgAdmin.email);
      const importPath = await upload(
        admin,
        `Forename,Surname,Email,Staff Type,Job Title,MIS ID\nMae,Jemison,mae.new.${t}@aspen.sch.uk,Teacher,Teacher of Physics,M${t}\n`,
      );

      const preview = visibleText((await admin.get(importPath)).text);
      expect(preview).toContain('To update 1 person');
      expect(preview).toContain(`Email: mae.old.${t}@aspen.sch.uk → changes to mae.new.${t}@aspen.sch.uk`);
      await applyImport(admin, importPath);

      const row = await db.selectFrom('people').selectAll().where('id', '=', existing.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        email: `mae.new.${t}@aspen.sch.uk`,
        email_normalised: `mae.new.${t}@aspen.sch.uk`,
        school_id: world.schoolA.id,
        status: 'active',
      });
      expect(
        await db.selectFrom('passwords').select('person_id').where('person_id', '=', existing.id).executeTakeFirst(),
        'their password is kept',
      ).toBeDefined();
      expect(row.search_text).toContain(`mae.new.${t}@aspen.sch.uk`);
      expect(await peopleOf(db, world.organisation.id)).toHaveLength(8);
    });

    it('rejected rows are listed with their reasons and the rest still import', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const admin = await signedIn(world.orgAdmin.email);
      const file = [
        'First Name,Surname,Email,Staff Type,Start Date,School,Line Manager Email',
        `Alan,Turing,alan.${t}@aspen.sch.uk,Teacher,23/06/2012,,`,
        `Bad,Type,badtype.${t}@aspen.sch.uk,Wizard,,,`,
        `Bad,Date,baddate.${t}@aspen.sch.uk,Teacher,31/02/2020,,`,
        `No,Email,,Teacher,,,`,
        `Other,Org,${world.otherAdmin.email},Teacher,,,`,
        `Wrong,School,wrongschool.${t}@aspen.sch.uk,Teacher,,Hogwarts,`,
        `Lost,Manager,lost.${t}@aspen.sch.uk,Support,,,nobody.${t}@aspen.sch.uk`,
      ].join('\n');
      const importPath = await upload(admin, file, { defaultSchoolId: world.schoolA.id });
      const preview = visibleText((await admin.get(importPath)).text);
      expect(preview).toContain('Not imported 5 rows');
      expect(preview).toContain(`3 Bad Type (badtype.${t}@aspen.sch.uk) Staff type “Wizard” is not recognised`);
      expect(preview).toContain(`4 Bad Date (baddate.${t}@aspen.sch.uk) Date started in schools: “31/02/2020” is not a real date`);
      expect(preview).toContain('5 No Email Email is blank');
      expect(preview).toContain(
        `6 Other Org (${world.otherAdmin.email}) ${world.otherAdmin.email} cannot be used. Check it is the person’s own work email address`,
      );
      expect(preview).not.toContain('another organisation');
      expect(preview).toContain('7 Wrong School');
      expect(preview).toContain('School “Hogwarts” is not one of your organisation’s schools in Waymark');
      expect(preview).toContain(
        `8 Lost Manager (lost.${t}@aspen.sch.uk) Line manager nobody.${t}@aspen.sch.uk is not in Waymark or in this file, so no line manager was set`,
      );

      const result = await applyImport(admin, importPath);
      expect(result).toContain('2 people added');
      expect(result).toContain('Not imported 5 rows');
      const emails = (await peopleOf(db, world.organisation.id)).map((p) => p.email);
      expect(emails).toContain(`alan.${t}@aspen.sch.uk`);
      expect(emails).toContain(`lost.${t}@aspen.sch.uk`);
      expect(emails).not.toContain(`badtype.${t}@aspen.sch.uk`);
      expect(emails).not.toContain(world.otherAdmin.email);
    });

    it('line managers named by email are linked, whether in the same file or already in Waymark', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const admin = await signedIn(world.orgAdmin.email);
      const file = [
        'Forename,Surname,Email,Staff Type,Line Manager Email',
        `Report,One,r1.${t}@aspen.sch.uk,Teacher,head.${t}@aspen.sch.uk`,
        `Report,Two,r2.${t}@aspen.sch.uk,Teacher,${world.lineManager.email.toUpperCase()}`,
        `Head,Teacher,head.${t}@aspen.sch.uk,Teacher,`,
        `Ravi,Existing,${world.report.email},Teacher,r1.${t}@aspen.sch.uk`,
      ].join('\n');
      const importPath = await upload(admin, file, { defaultSchoolId: world.schoolA.id });
      const preview = visibleText((await admin.get(importPath)).text);
      expect(preview).toContain(`Line manager: ${world.lineManager.email} → changes to r1.${t}@aspen.sch.uk`);
      await applyImport(admin, importPath);

      const people = await peopleOf(db, world.organisation.id);
      const byEmail = (email: string) => people.find((p) => p.email_normalised === email.toLowerCase());
      expect(byEmail(`r1.${t}@aspen.sch.uk`)?.line_manager_id).toBe(byEmail(`head.${t}@aspen.sch.uk`)?.id);
      expect(byEmail(`r2.${t}@aspen.sch.uk`)?.line_manager_id).toBe(world.lineManager.id);
      expect(byEmail(world.report.email)?.line_manager_id).toBe(byEmail(`r1.${t}@aspen.sch.uk`)?.id);
    });

    it('a SIMS file with no staff type column: the admin works staff types out from job titles, and people already in Waymark keep theirs', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const existing = await makePerson(db, {
        organisationId: world.organisation.id,
        schoolId: world.schoolA.id,
        email: `kept.${t}@aspen.sch.uk`,
        staffType: 'teaching',
      });
      const admin = await signedIn(world.orgAdmin.email);
      const file = [
        'Legal Forename,Legal Surname,Email Address,Post',
        `Maths,Teacher,maths.${t}@aspen.sch.uk,Teacher of Mathematics`,
        `Class,Assistant,ta.${t}@aspen.sch.uk,Teaching Assistant`,
        `Kept,Type,kept.${t}@aspen.sch.uk,Teaching Assistant`,
        `Odd,Title,odd.${t}@aspen.sch.uk,Wellbeing Champion`,
      ].join('\n');
      const importPath = await upload(admin, file, { defaultSchoolId: world.schoolA.id });
      const mapping = visibleText((await admin.get(importPath)).text);
      expect(mapping).toContain('Waymark could not find a column for: Staff type');
      expect(mapping).toContain('Not in this file: work it out from each person’s job title');
      expect(mapping).toContain('Not in this file: everyone new is teaching staff');

      const saved = await admin.post(`${importPath}/mapping`, {
        'column-givenName': 'Legal Forename',
        'column-familyName': 'Legal Surname',
        'column-email': 'Email Address',
        'column-jobTitle': 'Post',
        'column-staffType': 'staff-type-for-file:job-title',
      });
      expect(saved.status, visibleText(saved.text).slice(0, 400)).toBe(303);
      const preview = visibleText((await admin.get(importPath)).text);
      expect(preview).toContain('Staff type Not in this file: work it out from each person’s job title');
      expect(preview).toContain(`Maths Teacher maths.${t}@aspen.sch.uk ${world.schoolA.name} Teacher of Mathematics Teaching staff`);
      expect(preview).toContain(`Class Assistant ta.${t}@aspen.sch.uk ${world.schoolA.name} Teaching Assistant Associate or support staff`);
      expect(preview).toContain('Staff type can’t be worked out from the job title “Wellbeing Champion”');
      expect(preview).not.toContain('Staff type: Teaching staff');
      await applyImport(admin, importPath);
      const people = await peopleOf(db, world.organisation.id);
      expect(people.find((p) => p.email === `maths.${t}@aspen.sch.uk`)?.staff_type).toBe('teaching');
      expect(people.find((p) => p.email === `ta.${t}@aspen.sch.uk`)?.staff_type).toBe('associate');
      expect(people.find((p) => p.id === existing.id)).toMatchObject({ staff_type: 'teaching', given_name: 'Kept' });

      // One staff type for the whole file.
      const second = await upload(admin, `Forename,Surname,Email\nAll,Support,allsupport.${t}@aspen.sch.uk\n`, { defaultSchoolId: world.schoolA.id });
      await admin.post(`${second}/mapping`, {
        'column-givenName': 'Forename',
        'column-familyName': 'Surname',
        'column-email': 'Email',
        'column-staffType': 'staff-type-for-file:associate',
      });
      expect(visibleText((await admin.get(second)).text)).toContain('Staff type Not in this file: everyone new is associate or support staff');
      await applyImport(admin, second);
      expect((await peopleOf(db, world.organisation.id)).find((p) => p.email === `allsupport.${t}@aspen.sch.uk`)?.staff_type).toBe('associate');
    });

    it('waymark import-staff takes --staff-type for a file with no staff type column, and says so when it is missing', async () => {
      const { db, config } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const dir = mkdtempSync(join(tmpdir(), 'waymark-import-'));
      const file = join(dir, 'sims.csv');
      writeFileSync(
        file,
        `Legal Forename,Legal Surname,Email Address,Post\nCli,Teacher,cli.${t}@aspen.sch.uk,Teacher of History\nCli,Assistant,clita.${t}@aspen.sch.uk,Teaching Assistant\n`,
      );
      try {
        await expect(importStaffFile({ db, config }, { file, organisationId: world.organisation.id })).rejects.toThrow(
          /no staff type column\. Add one, or give everyone new one staff type with --staff-type teaching, --staff-type support, or --staff-type job-title/,
        );
        await expect(importStaffFile({ db, config }, { file, organisationId: world.organisation.id, staffType: 'wizard' })).rejects.toThrow(
          '--staff-type must be teaching, support or job-title',
        );
        const { report } = await importStaffFile(
          { db, config },
          { file, organisationId: world.organisation.id, schoolName: world.schoolA.name, staffType: 'job-title' },
        );
        expect(report).toContain('2 added');
        const people = await peopleOf(db, world.organisation.id);
        expect(people.find((p) => p.email === `cli.${t}@aspen.sch.uk`)?.staff_type).toBe('teaching');
        expect(people.find((p) => p.email === `clita.${t}@aspen.sch.uk`)?.staff_type).toBe('associate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('an Arbor “Line Manager” column of names links managers found once in the file or Waymark, warns otherwise, and unused columns are listed', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const admin = await signedIn(world.orgAdmin.email);
      const lena = `${world.lineManager.givenName} ${world.lineManager.familyName}`;
      const file = [
        'Legal First Name,Legal Last Name,Work Email Address,Staff Type,Line Manager,Home Address',
        `Grace,Hopper${t},grace.${t}@aspen.sch.uk,Teacher,,1 High Street`,
        `Ada,Lovelace,ada.${t}@aspen.sch.uk,Teacher,Grace Hopper${t},`,
        `Joan,Clarke,joan.${t}@aspen.sch.uk,Teacher,"${world.lineManager.familyName}, ${world.lineManager.givenName}",`,
        `Sam,Twin${t},twin1.${t}@aspen.sch.uk,Teacher,,`,
        `Sam,Twin${t},twin2.${t}@aspen.sch.uk,Teacher,,`,
        `Alan,Turing,alan.${t}@aspen.sch.uk,Teacher,Sam Twin${t},`,
      ].join('\n');
      const importPath = await upload(admin, file, { defaultSchoolId: world.schoolA.id });
      const preview = visibleText((await admin.get(importPath)).text);
      expect(preview).toContain('Line manager (email or name) Line Manager');
      expect(preview).toContain('Columns not used: Home Address.');
      expect(preview).toContain(
        `More than one person in Waymark or this file is called Sam Twin${t}, so no line manager was set: give the line manager’s email instead`,
      );
      expect(preview).not.toContain(lena);
      await applyImport(admin, importPath);
      const people = await peopleOf(db, world.organisation.id);
      const byEmail = (email: string) => people.find((p) => p.email === email);
      expect(byEmail(`ada.${t}@aspen.sch.uk`)?.line_manager_id).toBe(byEmail(`grace.${t}@aspen.sch.uk`)?.id);
      expect(byEmail(`joan.${t}@aspen.sch.uk`)?.line_manager_id).toBe(world.lineManager.id);
      expect(byEmail(`alan.${t}@aspen.sch.uk`)?.line_manager_id).toBeNull();
    });

    it('a changed staff ID shows as a change, and of two ID columns the one matching Waymark’s IDs is used', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const existing = await makePerson(db, {
        organisationId: world.organisation.id,
        schoolId: world.schoolA.id,
        givenName: 'Gina',
        familyName: 'Adams',
        email: `gina.${t}@aspen.sch.uk`,
        misStaffId: `RLT${t}`,
      });
      const admin = await signedIn(world.orgAdmin.email);
      const codesOnly = await upload(admin, `Forename,Surname,Email,Staff Type,Staff Code\nGina,Adams,gina.${t}@aspen.sch.uk,Teacher,GAD\n`, {
        defaultSchoolId: world.schoolA.id,
      });
      const preview = visibleText((await admin.get(codesOnly)).text);
      expect(preview).toContain('Staff IDs that change');
      expect(preview).toContain(`2 Gina Adams MIS staff ID: RLT${t} GAD`);

      const both = await upload(admin, `Forename,Surname,Email,Staff Type,Staff Code,ID\nGina,Adams,gina.${t}@aspen.sch.uk,Teacher,GAD,RLT${t}\n`, {
        defaultSchoolId: world.schoolA.id,
      });
      const bothPreview = visibleText((await admin.get(both)).text);
      expect(bothPreview).toContain('MIS staff ID ID');
      expect(bothPreview).toContain('Columns not used: Staff Code.');
      expect(bothPreview).toContain('Already up to date 1 person');
      await applyImport(admin, both);
      expect((await db.selectFrom('people').select('mis_staff_id').where('id', '=', existing.id).executeTakeFirstOrThrow()).mis_staff_id).toBe(`RLT${t}`);
    });

    it('school moves and name changes of people already in Waymark are shown on their own before importing', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const admin = await signedIn(world.orgAdmin.email);
      const file = `Forename,Surname,Email,Staff Type,School\nRavinder,${world.report.familyName},${world.report.email},Teacher,${world.schoolB.name}\n`;
      const importPath = await upload(admin, file, { defaultSchoolId: world.schoolA.id });
      const preview = visibleText((await admin.get(importPath)).text);
      expect(preview).toContain('People who move school');
      expect(preview).toContain(`2 Ravinder ${world.report.familyName} School: ${world.schoolA.name} ${world.schoolB.name}`);
      expect(preview).toContain('Names that change');
      expect(preview).toContain(`2 Ravinder ${world.report.familyName} First name: Ravi Ravinder`);
    });

    it('a school admin can import only into their own school', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const schoolAdmin = await signedIn(world.schoolAdminA.email);
      const file = [
        'Forename,Surname,Email,Staff Type,School',
        `In,Mine,mine.${t}@aspen.sch.uk,Teacher,${world.schoolA.name}`,
        `In,Theirs,theirs.${t}@birch.sch.uk,Teacher,${world.schoolB.name}`,
        `Already,There,${world.schoolAdminB.email},Teacher,`,
      ].join('\n');
      const before = await countRows(db);

      const wrongDefault = await schoolAdmin.upload('/import', { defaultSchoolId: world.schoolB.id }, { field: 'file', name: 'staff.csv', content: file });
      expect(wrongDefault.status).toBe(400);
      expect(wrongDefault.text).toContain('href="#defaultSchoolId"');
      expect(visibleText(wrongDefault.text)).toContain('Select one of your schools');
      expect(wrongDefault.text).not.toContain(world.schoolB.name);
      expect(await countRows(db)).toEqual(before);

      const importPath = await upload(schoolAdmin, file, { defaultSchoolId: world.schoolA.id });
      const preview = visibleText((await schoolAdmin.get(importPath)).text);
      expect(preview).toContain(`You can only import staff into schools you administer, and ${world.schoolB.name} is not one of them`);
      expect(preview).toContain(`Ben ${world.schoolAdminB.familyName} is in Waymark at ${world.schoolB.name}, which you do not administer`);
      await applyImport(schoolAdmin, importPath);
      const emails = (await peopleOf(db, world.organisation.id)).map((p) => p.email);
      expect(emails).toContain(`mine.${t}@aspen.sch.uk`);
      expect(emails).not.toContain(`theirs.${t}@birch.sch.uk`);
      const schoolAdminB = await db.selectFrom('people').select(['given_name', 'school_id']).where('id', '=', world.schoolAdminB.id).executeTakeFirstOrThrow();
      expect(schoolAdminB).toEqual({ given_name: 'Ben', school_id: world.schoolB.id });
    });

    it.each([
      [
        'a UTF-16 file',
        Buffer.from('\ufeffForename,Surname,Email,Staff Type\r\nAda,Lovelace,ada@x.org,Teacher\r\n', 'utf16le'),
        400,
        'saved as “Unicode text” (UTF-16)',
      ],
      ['binary junk', Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 256), 400, 'it contains binary data'],
      ['an Excel workbook', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 1)]), 400, 'is an Excel workbook, not a CSV file'],
      ['a file missing required columns', 'Forename,Surname\nAda,Lovelace\n', 400, 'The file is missing columns for work email and staff type'],
      ['an empty file', '', 400, 'The selected file is empty'],
      ['headings without rows', 'Forename,Surname,Email,Staff Type\n', 400, 'no staff in it'],
      ['a file with more than 20,000 rows', `Forename,Surname,Email,Staff Type\n${'a,b,c,d\n'.repeat(20_001)}`, 400, 'more than 20,000 rows'],
      ['a file over IMPORT_MAX_MB (1 MB here)', 'x'.repeat(1024 * 1024 + 1), 413, 'The selected file must be smaller than 1 MB'],
      ['50 MB of junk', Buffer.alloc(50 * 1024 * 1024, 0x41), 413, 'The selected file must be smaller than 1 MB'],
    ])('%s gets a clear message on the upload page and changes nothing', async (_, content, status, message) => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const admin = await signedIn(world.orgAdmin.email);
      const before = await countRows(db);
      const page = await admin.upload(
        '/import',
        { defaultSchoolId: world.schoolA.id },
        { field: 'file', name: 'staff.csv', content: asUploadContent(content) },
      );
      expect(page.status).toBe(status);
      expect(page.text).toContain('govuk-error-summary');
      expect(page.text).toContain('href="#file"');
      expect(page.text).toContain('<title>Error: Import staff');
      expect(visibleText(page.text)).toContain(message);
      expect(await countRows(db)).toEqual(before);
    });

    it('a file announced as over the limit is refused from its Content-Length, before any of it is read', async () => {
      const world = await makeWorld(ctx().db);
      const admin = await signedIn(world.orgAdmin.email);
      const page = await admin.postAnnounced('/import', 50 * 1024 * 1024);
      expect(page.status).toBe(413);
      expect(visibleText(page.text)).toContain('The selected file must be smaller than 1 MB');
      expect(page.bytesRead).toBe(0);
      const form = await admin.postAnnounced('/staff', 5 * 1024 * 1024, 'application/x-www-form-urlencoded');
      expect(form.status).toBe(413);
      expect(form.bytesRead).toBe(0);
    });

    it('choosing no file asks for one', async () => {
      const world = await makeWorld(ctx().db);
      const admin = await signedIn(world.orgAdmin.email);
      const page = await admin.upload('/import', {}, { field: 'file', name: '', content: '' });
      expect(page.status).toBe(400);
      expect(visibleText(page.text)).toContain('Select a CSV file');
    });

    it('a windows-1252 file from Excel keeps its accents and curly apostrophes', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const admin = await signedIn(world.orgAdmin.email);
      const bytes = Buffer.concat([
        Buffer.from('Forename,Surname,Email,Staff Type\r\nZo'),
        Buffer.from([0xeb]),
        Buffer.from(',O'),
        Buffer.from([0x92]),
        Buffer.from(`Neill,zoe.${t}@aspen.sch.uk,Teacher\r\n`),
      ]);
      await applyImport(admin, await upload(admin, bytes, { defaultSchoolId: world.schoolA.id }));
      expect((await peopleOf(db, world.organisation.id)).find((p) => p.email === `zoe.${t}@aspen.sch.uk`)).toMatchObject({
        given_name: 'Zoë',
        family_name: 'O’Neill',
      });
    });

    it('an applied import cannot be applied again', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const t = tag();
      const admin = await signedIn(world.orgAdmin.email);
      const importPath = await upload(admin, arborFile(t), { defaultSchoolId: world.schoolA.id });
      await applyImport(admin, importPath);
      const before = await countRows(db);
      const again = await admin.post(`${importPath}/apply`);
      expect(again.status).toBe(409);
      expect(visibleText(again.text)).toContain('This import has already been applied');
      expect((await admin.post(`${importPath}/mapping`, {})).status).toBe(409);
      expect(await countRows(db)).toEqual(before);
      expect(
        await db
          .selectFrom('audit_events')
          .select('id')
          .where('action', '=', 'staff_import_applied')
          .where('organisation_id', '=', world.organisation.id)
          .execute(),
      ).toHaveLength(1);
      const page = visibleText((await admin.get(importPath)).text);
      expect(page).toContain('This file has been imported');
    });

    it('once applied, the uploaded file itself is no longer kept', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const admin = await signedIn(world.orgAdmin.email);
      const importPath = await upload(admin, arborFile(tag()), { defaultSchoolId: world.schoolA.id });
      await applyImport(admin, importPath);
      const stored = await db
        .selectFrom('staff_imports')
        .select(['content', 'summary'])
        .where('id', '=', part(importPath, '/', 2, 'import id'))
        .executeTakeFirstOrThrow();
      expect(stored.content).toBe('');
      expect(JSON.parse(stored.summary ?? '{}')).toMatchObject({ created: 3 });
    });

    it('a previewed file can be discarded: nothing about staff changes and it can no longer be applied', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const admin = await signedIn(world.orgAdmin.email);
      const importPath = await upload(admin, arborFile(tag()), { defaultSchoolId: world.schoolA.id });
      const preview = (await admin.get(importPath)).text;
      expect(visibleText(preview)).toContain('Discard this file');
      expect(preview).toContain(`formaction="${importPath}/discard"`);
      const before = await countRows(db);
      const discarded = await admin.post(`${importPath}/discard`);
      expect(discarded.location).toBe('/import?discarded=1');
      expect(visibleText((await admin.get('/import?discarded=1')).text)).toContain('The file was discarded');
      expect((await admin.post(`${importPath}/apply`)).status).toBe(409);
      expect(await countRows(db)).toEqual(before);
      const stored = await db
        .selectFrom('staff_imports')
        .select(['status', 'content'])
        .where('id', '=', part(importPath, '/', 2, 'import id'))
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ status: 'discarded', content: '' });
    });

    it('files previewed but not applied within 30 days are discarded when the next file is uploaded', async () => {
      const { db, clock } = ctx();
      const world = await makeWorld(db);
      const admin = await signedIn(world.orgAdmin.email);
      const old = await upload(admin, arborFile(tag()), { defaultSchoolId: world.schoolA.id });
      clock.advance(31 * 24 * 60 * 60 * 1000);
      const fresh = ctx().client();
      await signIn(fresh, world.orgAdmin.email);
      await upload(fresh, arborFile(tag()), { defaultSchoolId: world.schoolA.id });
      const stored = await db
        .selectFrom('staff_imports')
        .select(['status', 'content'])
        .where('id', '=', part(old, '/', 2, 'import id'))
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ status: 'discarded', content: '' });
      clock.advance(-31 * 24 * 60 * 60 * 1000);
    });

    it('staff and line managers get 403; signed-out people are sent to sign in', async () => {
      const world = await makeWorld(ctx().db);
      for (const person of [world.staff, world.lineManager]) {
        const client = await signedIn(person.email);
        expect((await client.get('/import')).status).toBe(403);
        expect((await client.upload('/import', {}, { field: 'file', name: 'staff.csv', content: arborFile(tag()) })).status).toBe(403);
      }
      const anonymous = ctx().client();
      const page = await anonymous.get('/import');
      expect(page.status).toBe(303);
      expect(page.location).toBe('/sign-in?next=%2Fimport');
    });

    it('only the organisation’s admins and the school admin who uploaded an import can see it', async () => {
      const { db } = ctx();
      const world: World = await makeWorld(db);
      const uploader = await signedIn(world.schoolAdminA.email);
      const importPath = await upload(uploader, arborFile(tag()), { defaultSchoolId: world.schoolA.id });
      const orgAdmin = await signedIn(world.orgAdmin.email);
      expect((await orgAdmin.get(importPath)).status).toBe(200);
      for (const email of [world.otherAdmin.email, world.schoolAdminB.email]) {
        const outsider = await signedIn(email);
        expect((await outsider.get(importPath)).status).toBe(404);
        expect((await outsider.get(`${importPath}/mapping`)).status).toBe(404);
        expect((await outsider.post(`${importPath}/mapping`, {})).status).toBe(404);
        expect((await outsider.post(`${importPath}/apply`)).status).toBe(404);
        expect(visibleText((await outsider.get('/import')).text)).not.toContain('staff.csv');
      }
      expect(
        await db
          .selectFrom('staff_imports')
          .select('status')
          .where('id', '=', part(importPath, '/', 2, 'import id'))
          .executeTakeFirst(),
      ).toEqual({
        status: 'previewed',
      });
      expect((await orgAdmin.get('/import/not-an-import')).status).toBe(404);
    });

    it('each kind of viewer gets what the authorisation matrix says on every import route', async () => {
      const { db } = ctx();
      const world = await makeWorld(db);
      const viewers = {
        staff: world.staff,
        lineManager: world.lineManager,
        schoolAdminHere: world.schoolAdminA,
        schoolAdminOther: world.schoolAdminB,
        orgAdmin: world.orgAdmin,
        otherOrgAdmin: world.otherAdmin,
      };
      const clients: Record<string, TestClient> = { anonymous: ctx().client() };
      for (const [kind, person] of Object.entries(viewers)) clients[kind] = await signedIn(person.email);
      const outcome = (page: { status: number; location: string | null }) =>
        page.status === 303 && page.location?.startsWith('/sign-in')
          ? 'sign-in'
          : page.status === 403
            ? 'forbidden'
            : page.status === 404
              ? 'not-found'
              : 'allowed';
      // The import was uploaded by the school admin of school A (schoolAdminHere).
      const importPath = await upload(present(clients.schoolAdminHere, 'the school admin client'), arborFile(tag()), { defaultSchoolId: world.schoolA.id });
      const A = 'allowed',
        S = 'sign-in',
        F = 'forbidden',
        N = 'not-found';
      const rows: [string, string, string[]][] = [
        ['GET', '/import', [S, F, F, A, A, A, A]],
        ['POST', '/import', [S, F, F, A, A, A, A]],
        ['GET', importPath, [S, F, F, A, N, A, N]],
        ['GET', `${importPath}/mapping`, [S, F, F, A, N, A, N]],
        ['POST', `${importPath}/mapping`, [S, F, F, A, N, A, N]],
        ['POST', `${importPath}/apply`, [S, F, F, A, N, A, N]],
      ];
      for (const [method, path, expected] of rows) {
        const got: string[] = [];
        for (const kind of ['anonymous', ...Object.keys(viewers)]) {
          const client = present(clients[kind], `a client for ${kind}`);
          const page = method === 'GET' ? await client.get(path) : await client.post(path, {});
          expect(page.status, `${method} ${path} as ${kind}`).toBeLessThan(500);
          got.push(outcome(page));
        }
        expect(got, `${method} ${path}`).toEqual(expected);
      }
    });
  },
  { IMPORT_MAX_MB: '1' },
);
