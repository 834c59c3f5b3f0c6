import type { PersonRecordSection } from '../../platform/module';
import { canViewEnrolment } from './enrolments.policy';
import { listEnrolmentsOfPerson } from './enrolments.queries';
import { ENROLMENT_STATUSES } from './enrolments.schemas';

/**
 * A person's programmes on their staff record, each linking to the enrolment when the viewer may
 * see it (the participant, their line manager, an admin of their school, programme leads).
 */
export const programmesOnStaffRecord: PersonRecordSection = {
  order: 10,
  heading: { own: 'Your programmes', other: 'Programmes' },
  async lines(db, viewer, subject) {
    const enrolments = await listEnrolmentsOfPerson(db, subject.id);
    const facts = { organisation_id: subject.organisationId, person_id: subject.id, school_id: subject.schoolId, line_manager_id: subject.lineManagerId };
    return enrolments
      .filter((e) => e.organisation_id === subject.organisationId)
      .map((e) => ({
        text: `${e.programme_title}, ${e.cohort_name}`,
        href: canViewEnrolment(viewer, facts) ? `/enrolments/${e.id}` : null,
        status: ENROLMENT_STATUSES[e.status],
      }));
  },
};
