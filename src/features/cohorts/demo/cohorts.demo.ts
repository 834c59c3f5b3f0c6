import type { Transaction } from 'kysely';
import type { Clock } from '../../../platform/db/clock';
import { DAY } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import { addDays, londonDate } from '../../../platform/dates';
import type { DemoContext } from '../../../platform/contributions';
import type { ApplicationStatus, EndorsementStatus } from '../cohorts.tables';

type Trx = Transaction<Database>;

/**
 * Demo data: cohorts of the demo programmes (one running, one taking applications now, for each
 * programme) and applications at every stage, with their endorsements and history. The accepted
 * applicants are enrolled by the enrolments step.
 */
export async function seedCohorts(trx: Trx, clock: Clock, context: DemoContext): Promise<void> {
  const { organisationId, ids } = context;
  const now = clock.now().toISOString();
  const today = londonDate(clock.now());
  const id = (key: string) => {
    const value = ids.get(key);
    if (!value) throw new Error(`no demo record ${key}`);
    return value;
  };
  const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();

  async function addCohort(
    programmeId: string,
    name: string,
    days: { opens: number; closes: number; starts: number; ends: number },
    capacity: number,
    leads: string[],
  ) {
    const cohortId = newId();
    const closes = addDays(today, days.closes);
    await trx
      .insertInto('cohorts')
      .values({
        id: cohortId,
        organisation_id: organisationId,
        programme_id: programmeId,
        name,
        name_normalised: name.toLowerCase(),
        applications_open_on: addDays(today, days.opens),
        applications_close_on: closes,
        endorsement_deadline: addDays(closes, 14),
        starts_on: addDays(today, days.starts),
        ends_on: addDays(today, days.ends),
        capacity,
        needs_line_manager: 1,
        needs_headteacher: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const lead of leads)
      await trx
        .insertInto('cohort_leads')
        .values({ cohort_id: cohortId, person_id: id(lead) })
        .execute();
    return cohortId;
  }

  const middle = { id: id('programme:middle') };
  const pathways = { id: id('programme:pathways') };
  const middleRunning = await addCohort(middle.id, 'Cohort 7', { opens: -200, closes: -150, starts: -75, ends: 105 }, 16, ['director', 'rDep']);
  const middleOpen = await addCohort(middle.id, 'Cohort 8', { opens: -14, closes: 28, starts: 70, ends: 250 }, 16, ['director', 'rDep']);
  const pathwaysRunning = await addCohort(pathways.id, 'Cohort 3', { opens: -240, closes: -190, starts: -80, ends: 285 }, 12, ['director']);
  await addCohort(pathways.id, 'Cohort 4', { opens: 60, closes: 110, starts: 200, ends: 565 }, 12, ['director']);

  async function addEvent(applicationId: string, status: ApplicationStatus, actor: string | null, reason: string | null, days: number) {
    await trx
      .insertInto('application_events')
      .values({ id: newId(), application_id: applicationId, status, actor_id: actor ? id(actor) : null, reason, created_at: at(days) })
      .execute();
  }

  interface DemoApplication {
    person: string;
    cohortId: string;
    status: ApplicationStatus;
    motivation: string;
    manager: string;
    head: string | null;
    lineManager: EndorsementStatus;
    headteacher: EndorsementStatus;
    submittedDaysAgo: number;
    decision?: { by: string; reason: string };
    project?: string;
    coach?: string;
  }

  async function addApplication(a: DemoApplication): Promise<string> {
    const applicationId = newId();
    const person = await trx.selectFrom('people').select(['job_title', 'school_id']).where('id', '=', id(a.person)).executeTakeFirstOrThrow();
    const cohort = await trx
      .selectFrom('cohorts')
      .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
      .select(['programmes.declarations', 'cohorts.endorsement_deadline'])
      .where('cohorts.id', '=', a.cohortId)
      .executeTakeFirstOrThrow();
    const submitted = at(-a.submittedDaysAgo);
    const decided = a.decision ? at(-a.submittedDaysAgo + 9) : null;
    await trx
      .insertInto('applications')
      .values({
        id: applicationId,
        organisation_id: organisationId,
        cohort_id: a.cohortId,
        person_id: id(a.person),
        school_id: person.school_id,
        status: a.status,
        live_slot: a.status === 'declined' || a.status === 'withdrawn' ? null : 'live',
        current_role: person.job_title,
        experience:
          'I have taught here for several years and lead our work on reading across my year group. I ran this year’s transition days with our partner primaries.',
        motivation: a.motivation,
        declarations: cohort.declarations,
        coach_person_id: a.coach ? id(a.coach) : null,
        coach_name: null,
        coach_email: null,
        project_idea: a.project ?? null,
        eligible: 1,
        eligibility_notes: '[]',
        recommendation_id: null,
        decision_reason: a.decision?.reason ?? null,
        submitted_at: submitted,
        decided_at: decided,
        waitlisted_at: a.status === 'waitlisted' ? decided : null,
        created_at: at(-a.submittedDaysAgo - 2),
        updated_at: decided ?? submitted,
      })
      .execute();
    await addEvent(applicationId, 'submitted', a.person, null, -a.submittedDaysAgo);
    await addEvent(applicationId, 'awaiting_endorsement', null, null, -a.submittedDaysAgo);
    const endorsement = async (kind: 'line_manager' | 'headteacher', status: EndorsementStatus, endorser: string | null, answeredAfter: number) => {
      const answered = status === 'supported' || status === 'not_supported';
      await trx
        .insertInto('endorsements')
        .values({
          id: newId(),
          application_id: applicationId,
          kind,
          endorser_id: kind === 'line_manager' ? id(a.manager) : null,
          school_id: person.school_id,
          status,
          comment: answered
            ? status === 'supported'
              ? 'Fully supported: ready for the next step and respected by colleagues.'
              : 'Not this year: please apply again next round.'
            : null,
          answered_by: answered && endorser ? id(endorser) : null,
          requested_at: status === 'waiting' ? null : at(-a.submittedDaysAgo + (kind === 'headteacher' ? 2 : 0)),
          due_on: cohort.endorsement_deadline,
          reminded_at: null,
          answered_at: answered ? at(-a.submittedDaysAgo + answeredAfter) : null,
          created_at: submitted,
        })
        .execute();
    };
    await endorsement('line_manager', a.lineManager, a.manager, 2);
    await endorsement('headteacher', a.headteacher, a.head, 4);
    if (a.lineManager === 'supported' && a.headteacher === 'supported') await addEvent(applicationId, 'endorsed', a.head, null, -a.submittedDaysAgo + 4);
    if (a.decision) await addEvent(applicationId, a.status, a.decision.by, a.decision.reason, -a.submittedDaysAgo + 9);
    // The enrolments step gives each accepted applicant their place, in this order.
    if (a.status === 'accepted') ids.set(`accepted:${a.person}`, applicationId);
    return applicationId;
  }

  const motivation =
    'I want to understand how to lead colleagues, not just my own classroom, and to have a bigger effect on our pupils’ reading. My line manager has encouraged me to build my confidence in leading meetings and giving feedback.';

  // The round open now: one waiting for the demo line manager, others at each later stage.
  await addApplication({
    person: 'rEng1',
    cohortId: middleOpen,
    status: 'awaiting_endorsement',
    motivation,
    manager: 'rEng',
    head: null,
    lineManager: 'requested',
    headteacher: 'waiting',
    submittedDaysAgo: 3,
  });
  await addApplication({
    person: 'rMat1',
    cohortId: middleOpen,
    status: 'awaiting_endorsement',
    motivation,
    manager: 'rMat',
    head: null,
    lineManager: 'supported',
    headteacher: 'requested',
    submittedDaysAgo: 6,
  });
  await addApplication({
    person: 'oT2',
    cohortId: middleOpen,
    status: 'endorsed',
    motivation,
    manager: 'oKs1',
    head: 'oHead',
    lineManager: 'supported',
    headteacher: 'supported',
    submittedDaysAgo: 10,
  });
  await addApplication({
    person: 'hTa2',
    cohortId: middleOpen,
    status: 'endorsed',
    motivation,
    manager: 'hEy',
    head: 'hHead',
    lineManager: 'supported',
    headteacher: 'supported',
    submittedDaysAgo: 9,
  });

  // Cohort 7 of Towards Middle Leadership, running now.
  for (const [person, manager, head] of [
    ['rMat2', 'rMat', 'rHead'],
    ['rSci1', 'rSci', 'rHead'],
    ['oT1', 'oKs1', 'oHead'],
    ['hT2', 'hEng', 'hHead'],
    ['rTa1', 'rSenco', 'rHead'],
  ] as const) {
    await addApplication({
      person,
      cohortId: middleRunning,
      status: 'accepted',
      motivation,
      manager,
      head,
      lineManager: 'supported',
      headteacher: 'supported',
      submittedDaysAgo: 170,
      decision: { by: 'director', reason: 'A strong application with clear support from your school.' },
    });
  }
  await addApplication({
    person: 'hT4',
    cohortId: middleRunning,
    status: 'declined',
    motivation,
    manager: 'hDep',
    head: 'hHead',
    lineManager: 'supported',
    headteacher: 'not_supported',
    submittedDaysAgo: 168,
    decision: { by: 'director', reason: 'Your headteacher would like you to apply next year, after your first year leading Year 6.' },
  });

  // Cohort 3 of Leadership Pathways, running: module choices at different stages.
  for (const [person, manager, head] of [
    ['rMat3', 'rMat', 'rHead'],
    ['hDep', 'hHead', 'hHead'],
    ['rSenco', 'rDep', 'rHead'],
  ] as const) {
    await addApplication({
      person,
      cohortId: pathwaysRunning,
      status: 'accepted',
      motivation,
      manager,
      head,
      lineManager: 'supported',
      headteacher: 'supported',
      submittedDaysAgo: 200,
      decision: { by: 'director', reason: 'Your project and coach are well chosen.' },
      project: 'Raise attendance among our persistently absent pupils by working with families earlier.',
      coach: 'rAss',
    });
  }
}
