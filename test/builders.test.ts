import { expect, it } from 'vitest';
import { describeEachEngine } from './support/app';
import { buildApplication, buildCohort, buildPerson } from './support/build';
import { signIn } from './support/factories';
import { visibleText } from './support/http';

describeEachEngine('test builders build their parents', (ctx) => {
  it('buildApplication() on its own makes the organisation, school, applicant, line manager, programme and cohort it needs', async () => {
    const { db } = ctx();
    const application = await buildApplication(db);
    const row = await db.selectFrom('applications').selectAll().where('id', '=', application.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('submitted');
    expect(row.cohort_id).toBe(application.cohort.id);
    expect(row.person_id).toBe(application.applicant.id);
    const cohort = await db.selectFrom('cohorts').select(['programme_id', 'organisation_id']).where('id', '=', application.cohort.id).executeTakeFirstOrThrow();
    expect(cohort).toEqual({ programme_id: application.cohort.programme.id, organisation_id: application.cohort.organisation.id });
    const applicant = await db
      .selectFrom('people')
      .select(['school_id', 'organisation_id', 'line_manager_id'])
      .where('id', '=', application.applicant.id)
      .executeTakeFirstOrThrow();
    expect(applicant).toEqual({
      school_id: application.applicant.school.id,
      organisation_id: application.cohort.organisation.id,
      line_manager_id: application.applicant.lineManager?.id,
    });
  });

  it('an accepted application has its endorsements answered and an active enrolment the applicant can open', async () => {
    const { db } = ctx();
    const application = await buildApplication(db, 'accepted');
    const endorsements = await db.selectFrom('endorsements').select(['kind', 'status']).where('application_id', '=', application.id).orderBy('kind').execute();
    expect(endorsements).toEqual([
      { kind: 'headteacher', status: 'supported' },
      { kind: 'line_manager', status: 'supported' },
    ]);
    const enrolment = await db
      .selectFrom('enrolments')
      .select(['status', 'application_id'])
      .where('person_id', '=', application.applicant.id)
      .executeTakeFirstOrThrow();
    expect(enrolment).toEqual({ status: 'active', application_id: application.id });

    const applicant = ctx().client();
    await signIn(applicant, application.applicant.email);
    const page = await applicant.get(`/enrolments/${application.enrolmentId}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain(application.cohort.programme.title);
  });

  it('records given to a builder are shared, not built again', async () => {
    const { db } = ctx();
    const cohort = await buildCohort(db, { capacity: 2 });
    const colleague = await buildPerson(db, { organisation: cohort.organisation, lineManager: true });
    const first = await buildApplication(db, 'waitlisted', { cohort });
    const second = await buildApplication(db, 'awaiting_endorsement', { cohort, applicant: colleague });
    expect(second.cohort.organisation.id).toBe(first.cohort.organisation.id);
    const rows = await db.selectFrom('applications').select(['person_id', 'status']).where('cohort_id', '=', cohort.id).orderBy('status').execute();
    expect(rows).toEqual([
      { person_id: colleague.id, status: 'awaiting_endorsement' },
      { person_id: first.applicant.id, status: 'waitlisted' },
    ]);
    const lead = ctx().client();
    await signIn(lead, cohort.lead.email);
    expect((await lead.get(`/applications/${second.id}`)).status).toBe(200);
  });
});
