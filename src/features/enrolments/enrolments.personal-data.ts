import { tablePersonalData } from '../../platform/personal-data';

const enrolments = { table: 'enrolments', column: 'person_id' };

/** Enrolments are the participant's; sign-offs and changes they made on others' say a former member of staff. */
export const enrolmentsPersonalData = tablePersonalData({
  own: [
    { table: 'enrolment_events', column: 'enrolment_id', in: enrolments, label: 'enrolment history' },
    { table: 'enrolment_modules', column: 'enrolment_id', in: enrolments, label: 'modules chosen' },
    { table: 'enrolment_signoffs', column: 'enrolment_id', in: enrolments, label: 'sign-offs' },
    { ...enrolments, label: 'enrolments' },
  ],
  doneBy: [
    { table: 'enrolment_events', column: 'actor_id' },
    { table: 'enrolment_modules', column: 'completed_by' },
    { table: 'enrolment_signoffs', column: 'signed_off_by' },
  ],
});
