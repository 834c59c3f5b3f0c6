import type { Transaction } from 'kysely';
import type { DemoContext } from '../../../platform/contributions';
import type { Clock } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { cohortsOfOrganisation } from '../../cohorts';
import { listGraduationEvents } from '../../sessions';
import { saveGraduation } from '../graduation.queries';
import { inviteGraduates } from '../graduation.service';

const PROCEEDINGS = [
  '5:30pm: arrival and refreshments',
  '6pm: welcome from the chief executive',
  '6:10pm: “What changed in my school”: three graduates on their projects',
  '6:40pm: presentation of certificates, programme by programme',
  '7:15pm: closing words from the director of school improvement',
].join('\n');

/**
 * Demo data: the Graduation ceremony 2027 celebrates Cohort 6 of Towards Middle Leadership, whose
 * participants completed last spring: they are listed on its programme and invited, with their line
 * managers as guests. Runs after the sessions and certificates steps.
 */
export async function seedGraduation(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<void> {
  const { organisationId } = context;
  const event = (await listGraduationEvents(trx, organisationId)).find((e) => e.title === 'Graduation ceremony 2027');
  const cohort = (await cohortsOfOrganisation(trx, organisationId)).find((c) => c.name === 'Cohort 6' && c.programme_title === 'Towards Middle Leadership');
  const lead = context.ids.get('director');
  if (!event || !cohort || !lead) throw new Error('the demo graduation needs the ceremony, Cohort 6 and its programme lead');
  await saveGraduation(trx, {
    eventId: event.id,
    organisationId,
    proceedings: PROCEEDINGS,
    inviteLineManagers: true,
    cohortIds: [cohort.id],
    actorId: lead,
    at: clock.now().toISOString(),
  });
  await inviteGraduates(trx, clock, event.id, organisationId);
}
