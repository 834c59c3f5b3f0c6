import { DAY } from '../../../platform/db/clock';
import { newId } from '../../../platform/db/ids';
import { DEMO_PASSWORD } from '../../../platform/demo';
import type { DemoStep } from '../../../platform/module';
import { hashPassword, savePasswordHashes } from '../../auth';

/**
 * Fenland Schools Partnership (the library step's second organisation) as a partner: March Primary
 * School, its admin Owen Bright (signs in with the demo password and sees "Staff on partner
 * programmes"), and two of its teachers on the demo trust's programmes (open to any school, so to
 * Fenland's staff too): Amira Patel has applied to Towards Middle Leadership Cohort 8 and waits for
 * her line manager's endorsement; Tom Reed completed an earlier cohort.
 */
export const seedPartnerStaff: DemoStep['seed'] = async (trx, clock, context) => {
  const fenland = await trx.selectFrom('organisations').select('id').where('name', '=', 'Fenland Schools Partnership').executeTakeFirst();
  const middle = context.ids.get('programme:middle');
  if (!fenland || !middle) return;
  const now = clock.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const today = now.toISOString().slice(0, 10);

  const schoolId = newId();
  await trx
    .insertInto('schools')
    .values({
      id: schoolId,
      organisation_id: fenland.id,
      name: 'March Primary School',
      name_normalised: 'march primary school',
      urn: null,
      phase: 'primary',
      local_authority: 'Cambridgeshire',
      address_line1: 'Station Road',
      address_line2: null,
      town: 'March',
      postcode: 'PE15 8AA',
      status: 'open',
      created_at: at(60),
      updated_at: at(60),
    })
    .execute();
  const person = async (key: string, given: string, family: string, job: string, lineManagerId: string | null, school: string | null) => {
    const id = newId();
    const email = `${given}.${family}@fenland-partnership.example.org`.toLowerCase();
    await trx
      .insertInto('people')
      .values({
        id,
        organisation_id: fenland.id,
        school_id: school,
        title: null,
        given_name: given,
        family_name: family,
        email,
        email_normalised: email,
        job_title: job,
        staff_type: 'teaching',
        started_in_schools_on: '2015-09-01',
        leadership_level: 'middle',
        line_manager_id: lineManagerId,
        trn: null,
        mis_staff_id: null,
        search_text: `${given} ${family} ${email} ${job}`.toLowerCase(),
        status: 'active',
        created_at: at(60),
        updated_at: at(60),
        deactivated_at: null,
      })
      .execute();
    context.ids.set(key, id);
    return { id, email };
  };
  const admin = await person('fenland:admin', 'Owen', 'Bright', 'Chief Executive', null, null);
  await trx
    .insertInto('role_grants')
    .values({ id: newId(), person_id: admin.id, role: 'org_admin', school_id: null, scope_key: 'organisation', granted_by: null, created_at: at(60) })
    .execute();
  await savePasswordHashes(trx, clock, [{ personId: admin.id, hash: await hashPassword(DEMO_PASSWORD) }]);
  const head = await person('fenland:head', 'Helen', 'Marsh', 'Headteacher', null, schoolId);
  await trx
    .insertInto('role_grants')
    .values({ id: newId(), person_id: head.id, role: 'school_admin', school_id: schoolId, scope_key: schoolId, granted_by: null, created_at: at(60) })
    .execute();
  const manager = await person('fenland:manager', 'Luke', 'Fenn', 'Deputy headteacher', head.id, schoolId);
  const amira = await person('fenland:amira', 'Amira', 'Patel', 'Maths lead', manager.id, schoolId);
  const tom = await person('fenland:tom', 'Tom', 'Reed', 'English lead', manager.id, schoolId);

  const cohorts = await trx.selectFrom('cohorts').selectAll().where('programme_id', '=', middle).orderBy('starts_on').execute();
  const open = cohorts.find((c) => c.applications_open_on <= today && c.applications_close_on >= today);
  const ended = cohorts.find((c) => c.ends_on < today);
  const application = async (cohort: (typeof cohorts)[number], who: { id: string }, status: 'awaiting_endorsement' | 'accepted', daysAgo: number) => {
    const id = newId();
    await trx
      .insertInto('applications')
      .values({
        id,
        organisation_id: cohort.organisation_id,
        cohort_id: cohort.id,
        person_id: who.id,
        school_id: schoolId,
        status,
        live_slot: 'live',
        current_role: 'Subject lead',
        experience: 'I lead a subject across our primary school.',
        motivation: 'Our partnership is growing and I want to lead a team well.',
        declarations: '[]',
        coach_person_id: null,
        coach_name: null,
        coach_email: null,
        project_idea: null,
        eligible: 1,
        eligibility_notes: '[]',
        recommendation_id: null,
        decision_reason: status === 'accepted' ? 'A strong application from our partner school.' : null,
        submitted_at: at(daysAgo),
        decided_at: status === 'accepted' ? at(daysAgo - 10) : null,
        waitlisted_at: null,
        created_at: at(daysAgo + 1),
        updated_at: at(daysAgo),
      })
      .execute();
    await trx
      .insertInto('application_events')
      .values({ id: newId(), application_id: id, status, actor_id: who.id, reason: 'Submitted', created_at: at(daysAgo) })
      .execute();
    return id;
  };
  if (open) {
    const id = await application(open, amira, 'awaiting_endorsement', 2);
    await trx
      .insertInto('endorsements')
      .values({
        id: newId(),
        application_id: id,
        kind: 'line_manager',
        endorser_id: manager.id,
        school_id: schoolId,
        status: 'requested',
        comment: null,
        answered_by: null,
        requested_at: at(2),
        due_on: open.endorsement_deadline,
        reminded_at: null,
        answered_at: null,
        created_at: at(2),
      })
      .execute();
  }
  if (ended) {
    const applicationId = await application(ended, tom, 'accepted', 400);
    const enrolmentId = newId();
    await trx
      .insertInto('enrolments')
      .values({
        id: enrolmentId,
        organisation_id: ended.organisation_id,
        application_id: applicationId,
        cohort_id: ended.id,
        programme_id: middle,
        person_id: tom.id,
        status: 'completed',
        return_cohort_id: null,
        status_reason: null,
        completed_at: `${ended.ends_on}T15:00:00.000Z`,
        created_at: at(390),
        updated_at: `${ended.ends_on}T15:00:00.000Z`,
      })
      .execute();
    await trx
      .insertInto('enrolment_events')
      .values({ id: newId(), enrolment_id: enrolmentId, status: 'completed', actor_id: null, reason: null, created_at: `${ended.ends_on}T15:00:00.000Z` })
      .execute();
  }
  return [{ who: 'A partner organisation’s admin (Fenland Schools Partnership: its staff on partner programmes)', email: admin.email }];
};
