import { DAY, HOUR } from '../../platform/db/clock';
import type { FeatureModule } from '../../platform/module';
import { cohortsRetention } from './cohorts.retention';
import { COHORT_NOTIFICATIONS } from './cohorts.notifications';
import { cohortRoutes } from './cohorts.routes';
import { seedCohorts } from './demo/cohorts.demo';
import { releasePlace } from './decisions.service';
import { sendAwaitedEndorsementReminders, sendEndorsementReminders } from './endorsements.service';
import { sendRoundClosingReminders } from './reminders.service';
import { sendHeadteacherLinkReminders } from './headteacher-support.service';
import { cohortsPersonalData } from './cohorts.personal-data';
import * as headteacherLinks from './migrations/2026_12_04_1420_headteacher_links';
import * as applicationsQueueOrder from './migrations/2026_12_07_1138_applications_queue_order';

/** Cohorts and application rounds: applications, endorsements, decisions and the waiting list. */
export const cohortsModule: FeatureModule = {
  name: 'cohorts',
  routes: [cohortRoutes],
  migrations: { '2026_12_04_1420_headteacher_links': headteacherLinks, '2026_12_07_1138_applications_queue_order': applicationsQueueOrder },
  notificationKinds: COHORT_NOTIFICATIONS,
  reactions: {
    // A place given up (withdrawn or deferred) goes to the waiting list in the same transaction.
    'enrolment.place_freed': (trx, context, { cohortId, actorId }) => releasePlace(trx, context, cohortId, actorId),
  },
  sweeps: (config) => [
    { name: 'endorsement-reminders', everyMs: HOUR, run: (db, clock) => sendEndorsementReminders(db, clock) },
    { name: 'endorsement-awaited-reminders', everyMs: HOUR, run: (db, clock) => sendAwaitedEndorsementReminders(db, clock) },
    { name: 'round-closing-reminders', everyMs: HOUR, run: (db, clock) => sendRoundClosingReminders(db, clock) },
    // Once a day: headteachers asked by email link who haven't answered after 7 days get one reminder, with a new link.
    { name: 'headteacher-link-reminders', everyMs: DAY, run: (db, clock) => sendHeadteacherLinkReminders(db, clock, config) },
  ],
  retention: cohortsRetention,
  demo: { seed: seedCohorts },
  personalData: {
    holds: [
      'Applications: current role, experience, motivation, declarations, nominated coach, project idea, eligibility, status and its history with reasons',
      'Endorsements: the line manager’s and headteacher’s answers and comments',
    ],
    ...cohortsPersonalData,
  },
};
