import type { Transaction } from 'kysely';
import { DAY, type Clock } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import { addDays, londonDate } from '../../../platform/dates';
import { DEMO_PASSWORD } from '../../../platform/demo';
import { hashToken, newToken } from '../../../platform/http/tokens';
import type { DemoContext, DemoSignIn, DemoStep } from '../../../platform/module';
import { hashPassword, savePasswordHashes } from '../../auth';
import { copyProgrammeDesignInto, programmeDesign } from '../../programmes';
import { buildSearchText, insertPeople } from '../../staff';
import * as q from '../partners.queries';

/**
 * The demo trust opens Towards Middle Leadership (Cohort 8 takes applications now) and Leadership
 * Pathways to staff of any school, and a teacher from Moorside Community Primary School, a school
 * attached to no organisation on Waymark, has joined to apply.
 */
export const seedPartners: DemoStep['seed'] = async (trx, clock, context) => {
  const at = clock.now().toISOString();
  const by = context.ids.get('director') ?? null;
  for (const key of ['programme:middle', 'programme:pathways']) {
    const programmeId = context.ids.get(key);
    if (!programmeId) continue;
    await q.saveOpening(trx, { programmeId, organisationId: context.organisationId, openTo: 'any_school', partnerIds: [], by, at });
  }
  if (!by) return;
  const personId = newId();
  const columns = {
    title: 'Mrs',
    given_name: 'Rukhsana',
    family_name: 'Ahmed',
    email: 'r.ahmed@moorside-primary.example.org',
    email_normalised: 'r.ahmed@moorside-primary.example.org',
    job_title: 'Head of Year 4',
    staff_type: 'teaching' as const,
    started_in_schools_on: '2017-09-01',
    leadership_level: 'none' as const,
    trn: null,
    mis_staff_id: null,
    school_id: null,
  };
  await insertPeople(trx, context.organisationId, [{ id: personId, columns: { ...columns, search_text: buildSearchText(columns) }, lineManagerId: null }], at);
  await q.insertOutsideApplicant(trx, {
    person_id: personId,
    organisation_id: context.organisationId,
    urn: '108012',
    headteacher_name: 'Gareth Pugh',
    headteacher_email: 'head@moorside-primary.example.org',
    joined_at: at,
  });
  context.ids.set('outside:rukhsana', personId);
  return seedRegionalProvider(trx, clock, context);
};

/**
 * A regional provider on the installation, Pennine Leadership Hub, runs Leadership Pathways (its
 * copy of the demo trust's design) open to staff of any school. Its first cohort started ten days
 * ago with participants from the demo trust and from two schools on no organisation on Waymark,
 * whose headteachers gave their support by email link; a third applicant's headteacher has been
 * emailed a link and not answered yet. Its programme lead, Dr Joy Ogunleye, signs in with the demo
 * password.
 */
async function seedRegionalProvider(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<DemoSignIn[]> {
  const now = clock.now();
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const today = londonDate(now);
  const trustPathways = context.ids.get('programme:pathways');
  const design = trustPathways ? await programmeDesign(trx, context.organisationId, trustPathways) : undefined;
  if (!design) return [];

  const pennine = newId();
  await trx
    .insertInto('organisations')
    .values({ id: pennine, name: 'Pennine Leadership Hub', created_at: at(-90), updated_at: at(-90) })
    .execute();
  const leadEmail = 'joy.ogunleye@pennine-hub.example.org';
  const person = (given: string, family: string, email: string, jobTitle: string) => {
    const columns = {
      title: null,
      given_name: given,
      family_name: family,
      email,
      email_normalised: email,
      job_title: jobTitle,
      staff_type: 'teaching' as const,
      started_in_schools_on: '2015-09-01',
      leadership_level: 'none' as const,
      trn: null,
      mis_staff_id: null,
      school_id: null,
    };
    return { id: newId(), columns: { ...columns, search_text: buildSearchText(columns) }, lineManagerId: null };
  };
  const lead = person('Joy', 'Ogunleye', leadEmail, 'Regional Leadership Development Lead');
  await insertPeople(trx, pennine, [lead], at(-90));
  await trx
    .insertInto('role_grants')
    .values({ id: newId(), person_id: lead.id, role: 'programme_lead', school_id: null, scope_key: 'organisation', granted_by: null, created_at: at(-90) })
    .execute();
  await savePasswordHashes(trx, clock, [{ personId: lead.id, hash: await hashPassword(DEMO_PASSWORD) }]);

  const programmeId = await copyProgrammeDesignInto(trx, clock, {
    organisationId: pennine,
    title: 'Leadership Pathways',
    design,
    copiedFrom: 'Leadership Pathways, shared by Riverside Learning Trust',
    copiedBy: lead.id,
    requestId: null,
  });
  await trx.updateTable('programmes').set({ status: 'open' }).where('id', '=', programmeId).execute();
  await q.saveOpening(trx, { programmeId, organisationId: pennine, openTo: 'any_school', partnerIds: [], by: lead.id, at: at(-60) });

  const cohortId = newId();
  await trx
    .insertInto('cohorts')
    .values({
      id: cohortId,
      organisation_id: pennine,
      programme_id: programmeId,
      name: 'Pennine Cohort 1',
      name_normalised: 'pennine cohort 1',
      applications_open_on: addDays(today, -60),
      applications_close_on: addDays(today, 5),
      endorsement_deadline: addDays(today, 12),
      starts_on: addDays(today, -10),
      ends_on: addDays(today, 300),
      capacity: 24,
      needs_line_manager: 0,
      needs_headteacher: 1,
      created_at: at(-60),
      updated_at: at(-60),
    })
    .execute();
  await trx.insertInto('cohort_leads').values({ cohort_id: cohortId, person_id: lead.id }).execute();

  // Applicants from schools on no organisation on Waymark: each joined the hub to apply.
  const outside = [
    { given: 'Tom', family: 'Okonkwo', job: 'Head of Year 5', urn: '107915', head: ['Joanne Firth', 'j.firth@hillcrest-primary.example.org'], answered: true },
    { given: 'Megan', family: 'Doyle', job: 'Head of Geography', urn: '108234', head: ['Patrick Nolan', 'p.nolan@st-wilfrids.example.org'], answered: true },
    { given: 'Daniel', family: 'Price', job: 'Teacher of Science', urn: '108234', head: ['Patrick Nolan', 'p.nolan@st-wilfrids.example.org'], answered: false },
  ] as const;
  const applicants: {
    personId: string;
    schoolId: string | null;
    urn: string | null;
    head: readonly [string, string] | null;
    answered: boolean;
    answeredBy?: string;
  }[] = [];
  for (const o of outside) {
    const domain = o.head[1].split('@')[1];
    const p = person(o.given, o.family, `${o.given.toLowerCase()}.${o.family.toLowerCase()}@${domain}`, o.job);
    await insertPeople(trx, pennine, [p], at(-40));
    await q.insertOutsideApplicant(trx, {
      person_id: p.id,
      organisation_id: pennine,
      urn: o.urn,
      headteacher_name: o.head[0],
      headteacher_email: o.head[1],
      joined_at: at(-40),
    });
    applicants.push({ personId: p.id, schoolId: null, urn: o.urn, head: o.head, answered: o.answered });
  }
  // Participants from the demo trust, whose own school's headteacher supported them.
  for (const [key, head] of [
    ['rMat3', 'rHead'],
    ['oT4', 'oHead'],
  ] as const) {
    const personId = context.ids.get(key);
    if (!personId) continue;
    const row = await trx.selectFrom('people').select('school_id').where('id', '=', personId).executeTakeFirst();
    applicants.push({ personId, schoolId: row?.school_id ?? null, urn: null, head: null, answered: true, answeredBy: context.ids.get(head) });
  }

  for (const [i, a] of applicants.entries()) {
    const applicationId = newId();
    // The one still waiting applied two days ago; its headteacher's link works for twelve days more.
    const submittedAt = a.answered ? at(-35 + i) : at(-2);
    const accepted = a.answered;
    await trx
      .insertInto('applications')
      .values({
        id: applicationId,
        organisation_id: pennine,
        cohort_id: cohortId,
        person_id: a.personId,
        school_id: a.schoolId,
        status: accepted ? 'accepted' : 'awaiting_endorsement',
        live_slot: 'live',
        current_role: null,
        experience: 'I lead a team in my school and want to lead across it.',
        motivation: 'I want to grow as a leader and bring what I learn back to my school.',
        declarations: JSON.stringify(design.declarations),
        coach_person_id: null,
        coach_name: design.asksForCoach ? 'Sam Carter' : null,
        coach_email: design.asksForCoach ? 'sam.carter@example.org' : null,
        project_idea: design.asksForProject ? 'A shared approach to feedback in lessons across the school, led with two colleagues.' : null,
        eligible: 1,
        eligibility_notes: '[]',
        recommendation_id: null,
        decision_reason: accepted ? 'A strong application, with the headteacher’s support.' : null,
        submitted_at: submittedAt,
        decided_at: accepted ? at(-15) : null,
        waitlisted_at: null,
        school_urn: a.urn,
        headteacher_name: a.head?.[0] ?? null,
        headteacher_email: a.head?.[1] ?? null,
        created_at: submittedAt,
        updated_at: accepted ? at(-15) : submittedAt,
      })
      .execute();
    await trx
      .insertInto('application_events')
      .values({
        id: newId(),
        application_id: applicationId,
        status: accepted ? 'accepted' : 'awaiting_endorsement',
        actor_id: accepted ? lead.id : a.personId,
        reason: accepted ? 'A strong application, with the headteacher’s support.' : 'Submitted. Asked the headteacher for their support',
        created_at: accepted ? at(-15) : submittedAt,
      })
      .execute();
    await trx
      .insertInto('endorsements')
      .values({
        id: newId(),
        application_id: applicationId,
        kind: 'headteacher',
        endorser_id: null,
        school_id: a.schoolId,
        status: a.answered ? 'supported' : 'requested',
        comment: a.answered ? 'We are glad to support this: it fits our plans for developing leaders.' : null,
        answered_by: a.answeredBy ?? null,
        requested_at: submittedAt,
        due_on: addDays(today, 12),
        reminded_at: null,
        answered_at: a.answered ? at(-30 + i) : null,
        endorser_name: a.head?.[0] ?? null,
        endorser_email: a.head?.[1] ?? null,
        // A link nobody holds stands in for the one emailed (the demo keeps no tokens).
        token_hash: a.head ? hashToken(newToken()) : null,
        expires_at: a.head ? new Date(new Date(submittedAt).getTime() + 14 * DAY).toISOString() : null,
        answered_name: a.head && a.answered ? a.head[0] : null,
        answered_role: a.head && a.answered ? 'Headteacher' : null,
        created_at: submittedAt,
      })
      .execute();
    if (accepted)
      await trx
        .insertInto('enrolments')
        .values({
          id: newId(),
          organisation_id: pennine,
          application_id: applicationId,
          cohort_id: cohortId,
          programme_id: programmeId,
          person_id: a.personId,
          status: 'active',
          return_cohort_id: null,
          status_reason: null,
          completed_at: null,
          created_at: at(-15),
          updated_at: at(-15),
        })
        .execute();
  }
  context.ids.set('provider:pennine', pennine);
  return [{ who: 'Regional provider’s programme lead (Pennine Leadership Hub)', email: leadEmail }];
}
