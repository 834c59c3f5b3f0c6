import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/database';
import type { NotificationKind } from '..';
import { DAY, HOUR, type Clock } from '../../../platform/db/clock';
import { newId } from '../../../platform/db/ids';
import { formatDate } from '../../../platform/dates';
import type { DemoContext } from '../../../platform/module';

/**
 * Demo data: a few inbox entries, some unread, matching what the rest of the demo shows: the line
 * manager (Tom Walsh) is asked to endorse Aisha Begum's application and was recommended for
 * Towards Senior Leadership himself; the early career teacher (Grace Adeyemi) has been recommended
 * by him for Towards Middle Leadership; Aisha and Daniel have the notifications their application
 * and recommendation sent. Runs last, after programmes, cohorts and applications are seeded.
 */
export async function seedNotifications(trx: Transaction<Database>, clock: Clock, people: DemoContext): Promise<void> {
  const { organisationId, ids } = people;
  const id = (key: string) => {
    const value = ids.get(key);
    if (!value) throw new Error(`no demo person ${key}`);
    return value;
  };
  const ago = (ms: number) => new Date(clock.now().getTime() - ms).toISOString();
  const programme = (title: string) =>
    trx.selectFrom('programmes').select(['id', 'title']).where('organisation_id', '=', organisationId).where('title', '=', title).executeTakeFirstOrThrow();
  const middle = await programme('Towards Middle Leadership');
  const senior = await programme('Towards Senior Leadership');
  const names = async (key: string) => {
    const person = await trx.selectFrom('people').select(['given_name', 'family_name']).where('id', '=', id(key)).executeTakeFirstOrThrow();
    return `${person.given_name} ${person.family_name}`;
  };

  const inbox: { person: string; kind: NotificationKind; subject: string; paragraphs: string[]; link: string; at: string; read: boolean }[] = [];

  // Aisha's application to Cohort 8, waiting for her line manager.
  const aisha = await trx
    .selectFrom('applications')
    .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
    .innerJoin('endorsements', 'endorsements.application_id', 'applications.id')
    .select(['applications.id', 'applications.submitted_at', 'cohorts.name as cohort_name', 'endorsements.id as endorsement_id', 'endorsements.due_on'])
    .where('applications.person_id', '=', id('rEng1'))
    .where('endorsements.kind', '=', 'line_manager')
    .where('endorsements.status', '=', 'requested')
    .executeTakeFirstOrThrow();
  const cohort8 = `${middle.title} (${aisha.cohort_name})`;
  const submitted = aisha.submitted_at ?? ago(3 * DAY);
  inbox.push({
    person: 'rEng',
    kind: 'endorsement_request',
    subject: `${await names('rEng1')} has asked for your support: ${middle.title}`,
    paragraphs: [
      `${await names('rEng1')} has applied to ${cohort8} and has asked for your endorsement as their line manager.`,
      aisha.due_on ? `Please answer by ${formatDate(aisha.due_on)}.` : 'Please answer as soon as you can.',
    ],
    link: `/endorsements/${aisha.endorsement_id}`,
    at: submitted,
    read: false,
  });
  inbox.push({
    person: 'rEng1',
    kind: 'application_update',
    subject: `Application submitted: ${cohort8}`,
    paragraphs: [
      `Your application to ${cohort8} has been submitted.`,
      `We have asked your line manager, ${await names('rEng')}, for their support. Once your line manager supports it, your headteacher will be asked too. We will email you when they answer.`,
    ],
    link: `/applications/${aisha.id}`,
    at: submitted,
    read: true,
  });

  // Recommendations: Daniel's is already in the demo; Grace's and Tom's are added here with their notifications.
  const daniel = await trx
    .selectFrom('recommendations')
    .select(['created_at', 'note'])
    .where('person_id', '=', id('rHum1'))
    .where('programme_id', '=', middle.id)
    .executeTakeFirstOrThrow();
  const recommendations = [
    { person: 'rHum1', by: 'rHum', programme: middle, note: daniel.note, at: daniel.created_at, read: true, existing: true },
    {
      person: 'rEng3',
      by: 'rEng',
      programme: middle,
      note: 'Grace has led our Year 7 reading group brilliantly this term. I think she is ready to start thinking about leading others.',
      at: ago(2 * DAY + 3 * HOUR),
      read: false,
      existing: false,
    },
    {
      person: 'rEng',
      by: 'rDep',
      programme: senior,
      note: 'Tom has turned the English department round. The next cohort would suit him.',
      at: ago(12 * DAY),
      read: true,
      existing: false,
    },
  ];
  for (const r of recommendations) {
    if (!r.existing) {
      await trx
        .insertInto('recommendations')
        .values({
          id: newId(),
          organisation_id: organisationId,
          programme_id: r.programme.id,
          person_id: id(r.person),
          recommended_by: id(r.by),
          note: r.note,
          created_at: r.at,
        })
        .execute();
    }
    const recommender = await names(r.by);
    inbox.push({
      person: r.person,
      kind: 'recommendation',
      subject: `${recommender} has recommended you for ${r.programme.title}`,
      paragraphs: [
        `${recommender} has recommended you for ${r.programme.title}.`,
        ...(r.note ? ['They wrote:', r.note] : []),
        'To apply, choose “Start your application” on the programme’s page while an application round is open. Waymark uses your staff record when you apply.',
      ],
      link: `/programmes/${r.programme.id}`,
      at: r.at,
      read: r.read,
    });
  }

  for (const n of inbox) {
    await trx
      .insertInto('notifications')
      .values({
        id: newId(),
        organisation_id: organisationId,
        person_id: id(n.person),
        kind: n.kind,
        subject: n.subject,
        body: n.paragraphs.join('\n\n'),
        link: n.link,
        emailed: 1,
        created_at: n.at,
        read_at: n.read ? new Date(Date.parse(n.at) + 2 * HOUR).toISOString() : null,
      })
      .execute();
  }
}
