import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/database';
import { DEFAULT_PUPIL_QUESTIONS, RATER_GROUPS, STUDENT_GROUP_MINIMUM, type RaterGroup, type Rating } from '../feedback.model';
import type { Clock } from '../../../platform/db/clock';
import { DAY } from '../../../platform/db/clock';
import { newId } from '../../../platform/db/ids';
import { addDays, londonDate } from '../../../platform/dates';
import { hashToken, newToken } from '../../../platform/http/tokens';
import type { DemoContext } from '../../../platform/module';
import { inTurn } from '../../../platform/demo';

type Trx = Transaction<Database>;

const STRENGTHS = [
  'Explains what we are trying to do and why, so the team knows where it is going.',
  'Really listens in meetings and follows up on what people raise.',
  'Calm when things go wrong; the department trusts them.',
  'Shares resources generously and makes time for newer colleagues.',
  'Clear expectations and always fair.',
  '',
] as const;
const DEVELOP = [
  'Could delegate more rather than doing everything themselves.',
  'Sometimes decisions are made before everyone has been heard.',
  'Could share the bigger picture earlier, before changes land.',
  'Give feedback sooner, not just at review points.',
  '',
] as const;
const STUDENT_STRENGTHS = [
  'Explains things clearly and checks we understand.',
  'Lessons are well organised.',
  'Always fair when there is a problem.',
  'Helps you if you are stuck.',
  '',
] as const;
const STUDENT_DEVELOP = ['Could give us more time to finish tasks.', 'Sometimes moves on too quickly.', '', 'More practical work please.'] as const;

/** A small deterministic spread of ratings around `centre`, with the odd "not observed". */
function rating(seed: string, centre: number, notObservedEvery = 11): Rating {
  const n = createHash('sha256').update(seed).digest().readUInt8(0);
  if (n % notObservedEvery === 0) return null;
  const value = Math.round(centre + ((n % 5) - 2) * 0.5);
  return Math.min(5, Math.max(1, value)) as Rating;
}

async function insertRound(
  trx: Trx,
  options: {
    organisationId: string;
    personId: string;
    enrolmentId: string;
    versionId: string;
    skillIds: string[];
    closesOn: string;
    closedAt: string | null;
    createdAt: string;
    self: Record<string, Rating> | null;
    classToken: string | null;
    classOpen: boolean;
  },
) {
  const id = newId();
  await trx
    .insertInto('feedback_rounds')
    .values({
      id,
      organisation_id: options.organisationId,
      person_id: options.personId,
      enrolment_id: options.enrolmentId,
      framework_version_id: options.versionId,
      closes_on: options.closesOn,
      closed_at: options.closedAt,
      margin: 1.3,
      self_ratings: options.self ? JSON.stringify(options.self) : null,
      class_token: options.classToken,
      class_open: options.classOpen ? 1 : 0,
      created_at: options.createdAt,
      updated_at: options.createdAt,
    })
    .execute();
  await trx
    .insertInto('feedback_round_skills')
    .values(options.skillIds.map((skill_id, i) => ({ round_id: id, skill_id, position: i + 1 })))
    .execute();
  await trx
    .insertInto('feedback_round_groups')
    .values(
      RATER_GROUPS.map((g) => ({
        round_id: id,
        rater_group: g,
        minimum: g === 'line_manager' ? 1 : g === 'student' ? STUDENT_GROUP_MINIMUM : 3,
        anonymous: g === 'line_manager' ? 0 : 1,
      })),
    )
    .execute();
  // Pupils answer the default pupil questions (the demo programme's set), as every new round keeps a copy.
  await trx
    .insertInto('feedback_round_pupil_questions')
    .values(DEFAULT_PUPIL_QUESTIONS.map((question, i) => ({ round_id: id, question_id: question.id, position: i + 1, text: question.text })))
    .execute();
  return id;
}

/**
 * A respondent as Waymark now takes them: a colleague on Waymark (matched by email, as an invitation
 * is) or an outside address, which `approvedBy` (the participant's line manager) approved before it was
 * sent, or which still awaits approval.
 */
async function addRespondent(
  trx: Trx,
  roundId: string,
  group: RaterGroup,
  name: string,
  email: string,
  status: 'awaiting_approval' | 'invited' | 'started' | 'submitted' | 'declined',
  invitedOn: string,
  approvedBy: string | null = null,
) {
  const round = await trx.selectFrom('feedback_rounds').select('organisation_id').where('id', '=', roundId).executeTakeFirstOrThrow();
  const colleague = await trx
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', round.organisation_id)
    .where('email_normalised', '=', email.toLowerCase())
    .executeTakeFirst();
  await trx
    .insertInto('feedback_respondents')
    .values({
      id: newId(),
      round_id: roundId,
      rater_group: group,
      name,
      email,
      email_normalised: email.toLowerCase(),
      token_hash: hashToken(newToken()),
      status,
      draft: null,
      decline_reason: null,
      invited_at: invitedOn,
      reminded_on: null,
      person_id: colleague?.id ?? null,
      approved_by: colleague || status === 'awaiting_approval' ? null : approvedBy,
    })
    .execute();
}

async function addResponse(trx: Trx, roundId: string, group: RaterGroup, skillIds: string[], centre: number, n: number) {
  const student = group === 'student';
  const ratings = Object.fromEntries(skillIds.map((s, i) => [s, rating(`${roundId}:${group}:${n}:${i}`, centre + (i % 2 === 0 ? 0.3 : -0.3))]));
  const strengths = student ? inTurn(STUDENT_STRENGTHS, n) : inTurn(STRENGTHS, n);
  const develop = student ? inTurn(STUDENT_DEVELOP, n) : inTurn(DEVELOP, n);
  await trx
    .insertInto('feedback_responses')
    .values({ id: randomUUID(), round_id: roundId, rater_group: group, ratings: JSON.stringify(ratings), strengths, develop })
    .execute();
}

/** Demo data: 360 feedback: one closed round with a full report and one open round collecting answers. Runs after the programmes, cohorts and enrolments are seeded. */
export async function seedFeedback(trx: Trx, clock: Clock, people: DemoContext): Promise<void> {
  const { organisationId, ids } = people;
  const id = (key: string) => ids.get(key) as string;
  const today = londonDate(clock.now());
  const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();

  async function enrolmentOf(personKey: string) {
    const row = await trx
      .selectFrom('enrolments')
      .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
      .innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
      .select(['enrolments.id', 'programmes.id as programme_id', 'programmes.framework_version_id'])
      .where('enrolments.person_id', '=', id(personKey))
      .where('cohorts.name', '=', 'Cohort 7')
      .executeTakeFirst();
    if (!row?.framework_version_id) return null;
    const focus = await trx.selectFrom('programme_focus_skills').select('skill_id').where('programme_id', '=', row.programme_id).execute();
    // Framework order, as the round form lists them.
    const ordered = await trx
      .selectFrom('framework_skills')
      .select('id')
      .where('id', 'in', focus.length > 0 ? focus.map((f) => f.skill_id) : [''])
      .orderBy('position')
      .execute();
    // The demo programme keeps the default pupil questions as its own set, for its lead to edit.
    const own = await trx.selectFrom('feedback_pupil_questions').select('id').where('programme_id', '=', row.programme_id).executeTakeFirst();
    if (!own)
      await trx
        .insertInto('feedback_pupil_questions')
        .values(DEFAULT_PUPIL_QUESTIONS.map((question, i) => ({ id: newId(), programme_id: row.programme_id, position: i + 1, text: question.text })))
        .execute();
    return { enrolmentId: row.id, versionId: row.framework_version_id, skillIds: ordered.map((s) => s.id) };
  }

  // Kwame (Cohort 7): a closed round. Line manager, four peers and a class answered; two "others"
  // (outside addresses his line manager approved) answered too, fewer than three, so their scores are in
  // no figure in the report.
  const kwame = await enrolmentOf('rMat2');
  if (kwame && kwame.skillIds.length > 0) {
    const self = Object.fromEntries(kwame.skillIds.map((s, i) => [s, (i === 0 ? 5 : i === 1 ? 2 : 4) as Rating]));
    const roundId = await insertRound(trx, {
      organisationId,
      personId: id('rMat2'),
      enrolmentId: kwame.enrolmentId,
      versionId: kwame.versionId,
      skillIds: kwame.skillIds,
      closesOn: addDays(today, -9),
      closedAt: at(-8),
      createdAt: at(-30),
      self,
      classToken: newToken(),
      classOpen: false,
    });
    const invitedOn = addDays(today, -30);
    await addRespondent(trx, roundId, 'line_manager', 'Sanjay Patel', 's.patel@riverside-academy.example.org', 'submitted', invitedOn);
    for (const [name, email, status] of [
      ['Emily Clarke', 'e.clarke@riverside-academy.example.org', 'submitted'],
      ['Hannah Jones', 'h.jones@riverside-academy.example.org', 'submitted'],
      ['Oliver Nowak', 'o.nowak@riverside-academy.example.org', 'submitted'],
      ['Aisha Begum', 'a.begum@riverside-academy.example.org', 'submitted'],
      ['Ben Harris', 'b.harris@riverside-academy.example.org', 'declined'],
    ] as const)
      await addRespondent(trx, roundId, 'peer', name, email, status, invitedOn);
    await addRespondent(trx, roundId, 'other', 'Margaret Hale (governor)', 'margaret.hale@example.org', 'submitted', invitedOn, id('rMat'));
    await addRespondent(trx, roundId, 'other', 'Dev Sharma (parent)', 'dev.sharma@example.org', 'submitted', invitedOn, id('rMat'));
    await addResponse(trx, roundId, 'line_manager', kwame.skillIds, 3.6, 0);
    for (let n = 0; n < 4; n += 1) await addResponse(trx, roundId, 'peer', kwame.skillIds, 3.4, n + 1);
    for (let n = 0; n < 2; n += 1) await addResponse(trx, roundId, 'other', kwame.skillIds, 3.8, n + 2);
    const pupilQuestionIds = DEFAULT_PUPIL_QUESTIONS.map((question) => question.id);
    for (let n = 0; n < 12; n += 1) await addResponse(trx, roundId, 'student', pupilQuestionIds, 3.9, n);
    await trx
      .insertInto('feedback_shares')
      .values({ round_id: roundId, person_id: id('rMat'), relationship: 'line_manager', created_at: at(-7) })
      .execute();
  }

  // Oliver (Cohort 7): an open round closing in ten days, part way through, with the class link open,
  // and a governor's outside address waiting for his line manager (or a programme lead) to approve it.
  const oliver = await enrolmentOf('rSci1');
  if (oliver && oliver.skillIds.length > 0) {
    const roundId = await insertRound(trx, {
      organisationId,
      personId: id('rSci1'),
      enrolmentId: oliver.enrolmentId,
      versionId: oliver.versionId,
      skillIds: oliver.skillIds,
      closesOn: addDays(today, 10),
      closedAt: null,
      createdAt: at(-4),
      self: null,
      classToken: newToken(),
      classOpen: true,
    });
    const invitedOn = addDays(today, -4);
    await addRespondent(trx, roundId, 'line_manager', 'Fiona MacLeod', 'f.macleod@riverside-academy.example.org', 'submitted', invitedOn);
    for (const [name, email, status] of [
      ['Zara Ahmed', 'z.ahmed@riverside-academy.example.org', 'submitted'],
      ['Ben Harris', 'b.harris@riverside-academy.example.org', 'started'],
      ['Kwame Asante', 'k.asante@riverside-academy.example.org', 'invited'],
    ] as const)
      await addRespondent(trx, roundId, 'peer', name, email, status, invitedOn);
    await addRespondent(trx, roundId, 'other', 'Grace Okafor (governor)', 'grace.okafor@example.org', 'awaiting_approval', addDays(today, -1));
    await addResponse(trx, roundId, 'line_manager', oliver.skillIds, 3.5, 0);
    await addResponse(trx, roundId, 'peer', oliver.skillIds, 3.7, 1);
    for (let n = 0; n < 5; n += 1)
      await addResponse(
        trx,
        roundId,
        'student',
        DEFAULT_PUPIL_QUESTIONS.map((question) => question.id),
        4,
        n,
      );
  }
}
