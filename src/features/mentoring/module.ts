import { HOUR } from '../../platform/db/clock';
import type { FeatureModule } from '../../platform/module';
import { seedMentoring } from './demo/mentoring.demo';
import { mentoringCalendarEntries } from './mentoring.calendar';
import { coachOfEnrolmentPairing } from './mentoring.queries';
import { mentoringMeetingsEvaluator, mentoringSignOffEvaluator } from './mentoring.evaluators';
import { MENTORING_NOTIFICATIONS } from './mentoring.notifications';
import { mentoringRoutes } from './mentoring.routes';
import { sweepMentoringReminders } from './mentoring.service';
import * as mentoring from './migrations/2026_12_04_0438_mentoring';
import { mentoringPersonalData } from './mentoring.personal-data';

/** Mentoring and coaching: pairings, matching, agreements, the meeting log, actions, reviews and sign-off. */
export const mentoringModule: FeatureModule = {
  name: 'mentoring',
  routes: [mentoringRoutes],
  navigation: [{ href: '/mentoring', text: 'Mentoring', order: 35, shownTo: 'signed-in', current: (path) => path.startsWith('/mentoring') }],
  evaluators: [mentoringMeetingsEvaluator, mentoringSignOffEvaluator],
  notificationKinds: MENTORING_NOTIFICATIONS,
  sweeps: () => [{ name: 'mentoring-reminders', everyMs: 6 * HOUR, run: (db, clock) => sweepMentoringReminders(db, clock) }],
  migrations: { '2026_12_04_0438_mentoring': mentoring },
  // The next meeting of each pairing, in both people's calendar feeds.
  calendarEntries: mentoringCalendarEntries,
  // A project's coach (and any other feature's) is the coach paired for the enrolment.
  coachOfEnrolment: coachOfEnrolmentPairing,
  demo: { seed: seedMentoring },
  personalData: {
    holds: [
      'Mentoring and coaching pairings: who supports whom, for which programme, and when they started and ended',
      'Places offered and strengths, for matching',
      'Agreements, meetings (dates, length, focus skills, shared notes), actions and progress reviews',
      'Private meeting notes, which only their author can see',
    ],
    ...mentoringPersonalData,
  },
};
