import { loadConfig } from '../../../src/config';
import { publishStatusList } from '../../../src/features/certificates/certificates.credential';
import { FixedClock } from '../../../src/platform/db/clock';
import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import type { World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';

/**
 * Records the certificates matrix rows need: `:completionCohortId`, the cohort of the teacher's
 * active enrolment (`:enrolmentId`, which has not met its requirements, so an exception can be
 * recorded for it); `:code`, a certificate issued to the teacher for that enrolment; and `:issuerId`,
 * the organisation, with its signing key and status list.
 */
export async function makeCertificatesWorld(db: Db, world: World, programmes: ProgrammeWorld): Promise<Record<string, string>> {
  const enrolment = await db.selectFrom('enrolments').select(['cohort_id', 'programme_id']).where('id', '=', programmes.enrolmentId).executeTakeFirstOrThrow();
  const code = `cert${newId().replace(/[^A-Za-z0-9]/g, '')}`.padEnd(43, 'c').slice(0, 43);
  await db
    .insertInto('certificates')
    .values({
      id: newId(),
      organisation_id: world.organisation.id,
      enrolment_id: programmes.enrolmentId,
      person_id: world.report.id,
      code,
      recipient_name: `${world.report.givenName} ${world.report.familyName}`,
      programme_title: 'Towards Middle Leadership',
      stage: null,
      cohort_name: 'Cohort 1',
      started_on: '2026-01-12',
      completed_at: '2026-07-17T15:00:00.000Z',
      issuer_name: world.organisation.name,
      criteria: JSON.stringify([
        { title: 'Programme lead sign-off', description: 'A programme lead signs off the participant.', result: 'Signed off', met: true },
      ]),
      exception_reason: null,
      skills: '[]',
      project_title: null,
      issued_at: '2026-07-17T15:00:00.000Z',
      revoked_at: null,
      revoked_by: null,
      revoked_reason: null,
    })
    .execute();
  // The organisation's signing key and status list, as issuing its first credential makes them.
  await publishStatusList(db, new FixedClock(new Date('2026-07-17T15:00:00.000Z')), loadConfig({}), world.organisation.id);
  return { completionCohortId: enrolment.cohort_id, code, issuerId: world.organisation.id };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makeCertificatesWorld;
