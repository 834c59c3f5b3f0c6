import type { RetentionRecordType } from '../../platform/module';
import { forgetAttemptsOfPeople } from '../auth';
import { CHECK_IN_THROTTLE_PREFIX } from './attendance.service';

export const sessionsRetention: RetentionRecordType[] = [
  {
    key: 'sessions.check-in-attempts',
    name: 'Wrong check-in codes',
    description: 'How many wrong codes a person typed when checking in to a session, and any wait it earned, from the first of them',
    action: 'deleted',
    defaultMonths: 1,
    minimumMonths: 1,
    basis:
      'Kept only to slow down guessing; a month is ample. Attendance itself (present, late or absent, and whether by check-in) stays with the enrolment it counts towards',
    apply: (trx, organisationId, cutoff) => forgetAttemptsOfPeople(trx, organisationId, CHECK_IN_THROTTLE_PREFIX, cutoff),
  },
];
