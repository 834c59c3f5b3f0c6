import type { Transaction } from 'kysely';
import { addDays, londonDate } from '../../../platform/dates';
import { DAY, type Clock } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import { newToken } from '../../../platform/http/tokens';
import type { DemoContext } from '../../../platform/module';
import { addConfirmedPersonalAccount } from '../../auth';
import { certificatesOf } from '../../certificates';
import { completedProgrammesOf } from '../../enrolments';
import { recordEntriesOf } from '../../portfolio';
import { publicProjectsOf } from '../../projects';

const STATEMENT =
  'I lead mathematics teaching at Riverside Academy as second in department. Over the last two years I have led changes to how the department sets homework and how Year 6 reasoning is taught with our partner primary, each planned as small, tested steps and reviewed with the colleagues who carry them out. I am looking for a role where I lead a department’s curriculum.';

/**
 * Hannah Jones (the demo participant with a portfolio) has a record: her certificate, the programme
 * she completed, her project with its impact measures, her portfolio entries, a statement, and two links: one a panel can open now, one expired. She has
 * added a personal email and TRN, so deactivating her shows the leaving journey.
 */
export async function seedRecord(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<void> {
  const person = context.ids.get('rMat3');
  if (!person) return;
  const now = clock.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const today = londonDate(now);
  const certificates = await certificatesOf(trx, person);
  const entries = await recordEntriesOf(trx, person);
  const programmes = await completedProgrammesOf(trx, person);
  const projects = await publicProjectsOf(trx, person);
  const items = [
    ...certificates.map((c) => ({ kind: 'certificate' as const, id: c.id })),
    ...entries.map((e) => ({ kind: 'entry' as const, id: e.id })),
    ...programmes.map((p) => ({ kind: 'programme' as const, id: p.enrolmentId })),
    ...projects.map((p) => ({ kind: 'project' as const, id: p.projectId })),
  ];
  if (items.length > 0)
    await trx
      .insertInto('record_items')
      .values(items.map((i) => ({ person_id: person, kind: i.kind, item_id: i.id, added_at: at(20) })))
      .execute();
  await trx
    .insertInto('record_statements')
    .values({ person_id: person, statement: STATEMENT, updated_at: at(20) })
    .execute();

  await addConfirmedPersonalAccount(trx, clock, { personId: person, personalEmail: 'hannah.jones.maths@example.net', trn: '1902345' });

  const live = { id: newId(), token: newToken() };
  await trx
    .insertInto('record_shares')
    .values([
      {
        id: live.id,
        person_id: person,
        label: 'Head of mathematics application, Northgate School',
        token: live.token,
        items: JSON.stringify(items),
        include_statement: 1,
        expires_on: addDays(today, 45),
        revoked_at: null,
        created_at: at(3),
      },
      {
        id: newId(),
        person_id: person,
        label: 'Maths lead application, Hillside Primary',
        token: newToken(),
        items: JSON.stringify(items.filter((i) => i.kind === 'certificate' || i.kind === 'programme' || entries.find((e) => e.id === i.id)?.verification)),
        include_statement: 0,
        expires_on: addDays(today, -30),
        revoked_at: null,
        created_at: at(75),
      },
    ])
    .execute();
  await trx
    .insertInto('record_share_views')
    .values([
      { id: newId(), share_id: live.id, viewed_at: at(2), client: 'Edge on Windows' },
      { id: newId(), share_id: live.id, viewed_at: at(1), client: 'Safari on iOS' },
    ])
    .execute();
}
