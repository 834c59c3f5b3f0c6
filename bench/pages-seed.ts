// What the load benchmark's signed-in pages need on top of the generated trust (bench/generate.ts):
// a programme on a published framework, one cohort of ROSTER_SIZE participants (all enrolled, each
// from a school with a line manager) led by the trust's Director of Education, and for the first
// participant a closed 360 feedback round with enough answers in every group to show figures.
// The programme lead and that participant get known passwords, like the organisation admin.
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/platform/db/database';
import { hashPassword, savePasswordHashes } from '../src/features/auth';
import { RATER_GROUPS, type RaterGroup } from '../src/features/feedback/feedback.model';
import { newId } from '../src/platform/db/ids';
import { buildApplication, type BuiltCohort, type BuiltPerson } from '../test/support/build';
import { makeCohort, makeFramework, makeProgramme } from '../test/support/programme-world';

/** The programme lead who leads the benchmark cohort: the trust's Director of Education. */
export const BENCH_LEAD = { password: 'waymark-bench-lead-2026' } as const;
/** The participant whose My programme and 360 report are loaded. */
export const BENCH_PARTICIPANT = { password: 'waymark-bench-participant-2026' } as const;

export const ROSTER_SIZE = 100;
export const PROGRAMME_TITLE = 'Middle Leadership Programme';
export const COHORT_NAME = 'Spring 2027';

/** Answers per rater group in the participant's round (at or above each group's minimum). */
const ANSWERS: Record<RaterGroup, number> = { line_manager: 1, peer: 5, direct_report: 4, student: 8, other: 3 };
const SKILLS = ['LP1', 'LP2', 'LP3', 'LP4', 'LP5', 'LP6', 'LP7', 'LP8'];

export interface PagesSeed {
  lead: { id: string; email: string; password: string };
  participant: { id: string; email: string; password: string; name: string };
  cohortId: string;
  enrolmentId: string;
  roundId: string;
  rosterSize: number;
}

/** Deterministic 1–5 rating (or null, "not observed", now and then) for answer n and skill s. */
function rating(n: number, s: number): number | null {
  const v = (n * 7 + s * 3) % 11;
  return v === 10 ? null : 1 + (v % 5);
}

export async function seedPages(db: Db, organisationId: string): Promise<PagesSeed> {
  const organisation = await db.selectFrom('organisations').select(['id', 'name']).where('id', '=', organisationId).executeTakeFirstOrThrow();
  const leadRow = await db
    .selectFrom('people')
    .select(['id', 'email'])
    .where('organisation_id', '=', organisationId)
    .where('job_title', '=', 'Director of Education')
    .executeTakeFirstOrThrow();

  // Participants: active classroom and middle-leadership staff with a line manager, from several schools.
  const candidates = await db
    .selectFrom('people')
    .innerJoin('schools', 'schools.id', 'people.school_id')
    .leftJoin('people as managers', 'managers.id', 'people.line_manager_id')
    .select([
      'people.id',
      'people.email',
      'people.given_name',
      'people.family_name',
      'people.school_id',
      'schools.name as school_name',
      'managers.id as manager_id',
      'managers.email as manager_email',
      'managers.given_name as manager_given',
      'managers.family_name as manager_family',
    ])
    .where('people.organisation_id', '=', organisationId)
    .where('people.status', '=', 'active')
    .where('people.line_manager_id', 'is not', null)
    .where('people.leadership_level', 'in', ['none', 'middle'])
    .orderBy('people.email')
    .execute();
  const step = Math.max(1, Math.floor(candidates.length / ROSTER_SIZE));
  const chosen = candidates.filter((_, i) => i % step === 0).slice(0, ROSTER_SIZE);
  if (chosen.length < ROSTER_SIZE) throw new Error(`only ${chosen.length} people could join the benchmark cohort`);

  const framework = await makeFramework(db, organisationId, { title: 'Leadership skills', skills: SKILLS });
  const programme = await makeProgramme(db, {
    organisationId,
    title: PROGRAMME_TITLE,
    frameworkVersionId: framework.versionId,
    modules: ['Leading a team', 'Coaching conversations', 'Managing change', 'Data for improvement'],
    requirements: [
      { kind: 'baseline_self_assessment' },
      { kind: 'attendance' },
      { kind: 'feedback_360' },
      { kind: 'final_self_assessment' },
      { kind: 'sign_off' },
    ],
  });
  const cohortRow = await makeCohort(db, {
    organisationId,
    programmeId: programme.id,
    name: COHORT_NAME,
    capacity: ROSTER_SIZE + 20,
    leadIds: [leadRow.id],
  });
  const lead = { id: leadRow.id, email: leadRow.email, givenName: 'Lead', familyName: 'Lead' };
  const cohort: BuiltCohort = { ...cohortRow, programme: { ...programme, organisation }, organisation, lead };

  const enrolments: string[] = [];
  for (const p of chosen) {
    const applicant: BuiltPerson = {
      id: p.id,
      email: p.email,
      givenName: p.given_name,
      familyName: p.family_name,
      organisation,
      school: { id: p.school_id as string, name: p.school_name, organisation },
      lineManager: p.manager_id
        ? { id: p.manager_id, email: p.manager_email ?? '', givenName: p.manager_given ?? '', familyName: p.manager_family ?? '' }
        : null,
    };
    const application = await buildApplication(db, 'accepted', { cohort, applicant });
    enrolments.push(application.enrolmentId as string);
  }
  const participant = chosen[0];
  const enrolmentId = enrolments[0];
  if (!participant || !enrolmentId) throw new Error('no participant');

  // A closed round on the participant's enrolment, with the participant's own ratings and answers from every group.
  const roundId = newId();
  const at = new Date(Date.now() - 14 * 86_400_000).toISOString();
  const selfRatings = Object.fromEntries(framework.skillIds.map((id, s) => [id, rating(100, s)]));
  await db
    .insertInto('feedback_rounds')
    .values({
      id: roundId,
      organisation_id: organisationId,
      person_id: participant.id,
      enrolment_id: enrolmentId,
      framework_version_id: framework.versionId,
      closes_on: at.slice(0, 10),
      closed_at: at,
      margin: 1.3,
      self_ratings: JSON.stringify(selfRatings),
      class_token: null,
      class_open: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('feedback_round_skills')
    .values(framework.skillIds.map((skill_id, i) => ({ round_id: roundId, skill_id, position: i + 1 })))
    .execute();
  await db
    .insertInto('feedback_round_groups')
    .values(
      RATER_GROUPS.map((g) => ({
        round_id: roundId,
        rater_group: g,
        minimum: g === 'line_manager' ? 1 : g === 'student' ? 5 : 3,
        anonymous: g === 'line_manager' ? 0 : 1,
      })),
    )
    .execute();
  let n = 0;
  for (const group of RATER_GROUPS) {
    const respondents = [];
    const responses = [];
    for (let i = 0; i < ANSWERS[group]; i++, n++) {
      if (group !== 'student')
        respondents.push({
          id: newId(),
          round_id: roundId,
          rater_group: group,
          name: `Respondent ${n + 1}`,
          email: `respondent-${n + 1}@example.org`,
          email_normalised: `respondent-${n + 1}@example.org`,
          token_hash: randomUUID(),
          status: 'submitted' as const,
          draft: null,
          decline_reason: null,
          invited_at: at.slice(0, 10),
          reminded_on: null,
          person_id: null,
          approved_by: null,
        });
      responses.push({
        id: randomUUID(),
        round_id: roundId,
        rater_group: group,
        ratings: JSON.stringify(Object.fromEntries(framework.skillIds.map((id, s) => [id, rating(n, s)]))),
        strengths: `Answer ${n + 1}: listens carefully and follows up on what the team agreed.`,
        develop: `Answer ${n + 1}: could delegate more and share the reasons for decisions sooner.`,
      });
    }
    if (respondents.length) await db.insertInto('feedback_respondents').values(respondents).execute();
    await db.insertInto('feedback_responses').values(responses).execute();
  }

  const [leadHash, participantHash] = await Promise.all([hashPassword(BENCH_LEAD.password), hashPassword(BENCH_PARTICIPANT.password)]);
  await savePasswordHashes(db, { now: () => new Date() }, [
    { personId: leadRow.id, hash: leadHash },
    { personId: participant.id, hash: participantHash },
  ]);
  return {
    lead: { id: leadRow.id, email: leadRow.email, password: BENCH_LEAD.password },
    participant: {
      id: participant.id,
      email: participant.email,
      password: BENCH_PARTICIPANT.password,
      name: `${participant.given_name} ${participant.family_name}`,
    },
    cohortId: cohortRow.id,
    enrolmentId,
    roundId,
    rosterSize: chosen.length,
  };
}
