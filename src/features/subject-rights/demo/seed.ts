import type { Transaction } from 'kysely';
import { loadConfig } from '../../../config';
import type { Clock } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import type { DemoContext } from '../../../platform/module';
import { findOrganisationName } from '../../organisations';
import { findPersonSummary, insertPeople } from '../../staff';
import { buildExportZip, dataSubjectOf, EXPORT_KEEP_DAYS, runErasureJob, startErasure } from '../subject-rights.service';

/**
 * The demo's subject access and erasure: an export about Aisha Begum (a teacher of English with
 * a programme, a portfolio and more), ready to download; and a teacher who left, erased at her
 * request, so the list of erasures has one and her old records read "a former member of staff".
 */
export async function seedSubjectRights(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<void> {
  const registry = context.personalData;
  const admin = context.ids.get('hr');
  const aisha = context.ids.get('rEng1');
  if (!registry || !admin || !aisha) return;
  const now = clock.now();
  const organisationName = (await findOrganisationName(trx, context.organisationId)) ?? '';

  const person = await findPersonSummary(trx, aisha, context.organisationId);
  if (person) {
    const zip = await buildExportZip(trx, registry, dataSubjectOf(person), organisationName, now.toISOString());
    await trx
      .insertInto('subject_access_exports')
      .values({
        id: newId(),
        organisation_id: context.organisationId,
        person_id: aisha,
        requested_by: admin,
        status: 'ready',
        zip: zip.toString('base64'),
        size_bytes: zip.length,
        requested_at: new Date(now.getTime() - 20 * 60 * 1000).toISOString(),
        ready_at: new Date(now.getTime() - 19 * 60 * 1000).toISOString(),
        expires_at: new Date(now.getTime() + EXPORT_KEEP_DAYS * 24 * 3600 * 1000).toISOString(),
        downloaded_at: null,
      })
      .execute();
  }

  const leaverId = newId();
  const email = 'jordan.pike@riverside-academy.example.org';
  await insertPeople(
    trx,
    context.organisationId,
    [
      {
        id: leaverId,
        lineManagerId: context.ids.get('rEng') ?? null,
        columns: {
          title: 'Mx',
          given_name: 'Jordan',
          family_name: 'Pike',
          email,
          email_normalised: email,
          job_title: 'Teacher of English',
          staff_type: 'teaching',
          started_in_schools_on: '2019-09-01',
          leadership_level: 'none',
          trn: null,
          mis_staff_id: null,
          school_id: null,
          search_text: `jordan pike ${email} teacher of english`,
        },
      },
    ],
    now.toISOString(),
  );
  const leaver = await findPersonSummary(trx, leaverId, context.organisationId);
  if (leaver) {
    // The same path as the Erase button and the worker, inside the demo's transaction.
    const jobId = await startErasure(trx, clock, dataSubjectOf(leaver), { requestedBy: admin, credentials: 'keep' });
    await runErasureJob(trx, clock, { config: loadConfig({}) }, registry, jobId);
  }
}
