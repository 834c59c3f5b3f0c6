import type { PersonRecordSection } from '../../platform/module';
import { canSeeProgress } from './reports.policy';
import { enrolmentsOfPeople } from './reports.queries';

/**
 * On a staff record, for those who may see it (the person, their line manager, their school's
 * admins, programme leads): a link to the person's programmes with progress and attendance.
 */
export const progressOnStaffRecord: PersonRecordSection = {
  order: 11,
  heading: { own: 'Your progress', other: 'Progress and attendance' },
  async lines(db, viewer, subject) {
    const person = { id: subject.id, organisation_id: subject.organisationId, school_id: subject.schoolId, line_manager_id: subject.lineManagerId };
    if (!canSeeProgress(viewer, person)) return [];
    const enrolments = await enrolmentsOfPeople(db, subject.organisationId, [subject.id]);
    if (enrolments.length === 0) return [];
    return [
      {
        text:
          subject.id === viewer.id
            ? 'Your requirements, attendance and next steps on each programme'
            : 'Requirements, attendance and next steps on each programme',
        href: `/people/${subject.id}/programmes`,
        status: null,
      },
    ];
  },
};
