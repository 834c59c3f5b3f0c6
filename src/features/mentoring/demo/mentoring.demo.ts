import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/database';
import { DAY, type Clock } from '../../../platform/db/clock';
import { newId } from '../../../platform/db/ids';
import type { DemoContext } from '../../../platform/module';
import type { PairingKind } from '../mentoring.tables';

/**
 * Demo data: Hannah Jones (Leadership Pathways) with her in-school coach Imran Hussain, four
 * meetings (three confirmed), an agreement both signed, and actions open and done; Claire Fletcher
 * mentoring two people on Towards Middle Leadership with two places, so at capacity.
 */
export async function seedMentoring(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<void> {
  const now = clock.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const day = (daysAgo: number) => at(daysAgo).slice(0, 10);
  const id = (key: string) => context.ids.get(key) as string;
  const enrolmentOf = async (key: string, programme: string) =>
    (
      await trx
        .selectFrom('enrolments')
        .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
        .select('enrolments.id')
        .where('enrolments.person_id', '=', id(key))
        .where('programmes.title', '=', programme)
        .executeTakeFirst()
    )?.id ?? null;
  const profile = (key: string, places: number) =>
    trx
      .insertInto('mentoring_profiles')
      .values({ person_id: id(key), organisation_id: context.organisationId, places, strengths: '[]', updated_at: at(100) })
      .execute();
  const pair = async (mentor: string, mentee: string, kind: PairingKind, enrolmentId: string | null, daysAgo: number) => {
    const pairingId = newId();
    await trx
      .insertInto('mentoring_pairings')
      .values({
        id: pairingId,
        organisation_id: context.organisationId,
        kind,
        mentor_id: id(mentor),
        mentee_id: id(mentee),
        enrolment_id: enrolmentId,
        status: 'active',
        assigned_by: id('director'),
        started_at: at(daysAgo),
        ended_at: null,
        ended_by: null,
        end_reason: null,
        replaced_by_id: null,
        signed_off_at: null,
        signed_off_comment: null,
      })
      .execute();
    return pairingId;
  };

  await profile('rAss', 3);
  await profile('rDep', 2);
  const coaching = await pair('rAss', 'rMat3', 'in_school_coach', await enrolmentOf('rMat3', 'Leadership Pathways'), 80);
  await pair('rDep', 'rMat2', 'mentor', await enrolmentOf('rMat2', 'Towards Middle Leadership'), 70);
  await pair('rDep', 'oT1', 'mentor', await enrolmentOf('oT1', 'Towards Middle Leadership'), 68);

  await trx
    .insertInto('mentoring_agreements')
    .values({
      id: newId(),
      pairing_id: coaching,
      version: 1,
      goals: 'Lead the whole-school change project on Key Stage 3 numeracy, and grow confidence leading adults.',
      frequency: 'Every three weeks, for 45 minutes',
      how: 'In person, in Imran’s office after school',
      confidentiality: 'What we discuss stays between us unless there is a safeguarding concern.',
      proposed_by: id('rAss'),
      proposed_at: at(78),
      mentor_agreed_at: at(78),
      mentee_agreed_at: at(77),
    })
    .execute();
  const meetings = [
    { daysAgo: 75, notes: 'Agreed the focus: numeracy across Key Stage 3. Hannah to gather the baseline data.', confirmed: true },
    { daysAgo: 54, notes: 'Looked at the baseline data and the departments to involve first.', confirmed: true },
    { daysAgo: 33, notes: 'Planned the first heads of department meeting; rehearsed the opening.', confirmed: true },
    { daysAgo: 12, notes: 'Reviewed how the meeting went; two departments on board, one hesitant.', confirmed: false },
  ];
  for (const [i, m] of meetings.entries()) {
    const meetingId = newId();
    await trx
      .insertInto('mentoring_meetings')
      .values({
        id: meetingId,
        pairing_id: coaching,
        held_on: day(m.daysAgo),
        duration_minutes: 45,
        focus_skills: '[]',
        shared_notes: m.notes,
        next_meeting_on: i === meetings.length - 1 ? day(-9) : day(m.daysAgo - 21),
        status: m.confirmed ? 'confirmed' : 'recorded',
        added_by: id(i % 2 === 0 ? 'rAss' : 'rMat3'),
        added_at: at(m.daysAgo),
        confirmed_by: m.confirmed ? id(i % 2 === 0 ? 'rMat3' : 'rAss') : null,
        confirmed_at: m.confirmed ? at(m.daysAgo - 1) : null,
      })
      .execute();
    if (i === 2 || i === 3)
      await trx
        .insertInto('mentoring_actions')
        .values({
          id: newId(),
          pairing_id: coaching,
          meeting_id: meetingId,
          description: i === 2 ? 'Send the heads of department the baseline figures' : 'Meet the head of science about the hesitant department',
          owner_id: id('rMat3'),
          due_on: i === 2 ? day(26) : day(-5),
          done_at: i === 2 ? at(27) : null,
          created_at: at(m.daysAgo),
        })
        .execute();
  }
}
