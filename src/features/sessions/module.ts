import { sessionsRetention } from './sessions.retention';
import { HOUR } from '../../platform/db/clock';
import type { FeatureModule } from '../../platform/module';
import { attendanceEvaluator } from './attendance.evaluators';
import { attendanceRoutes } from './attendance.routes';
import { attendanceForEnrolments, describeAttendance } from './attendance.service';
import { calendarRoutes } from './calendar.routes';
import { seedSessions } from './demo/sessions.demo';
import { SESSION_NOTIFICATIONS } from './sessions.notifications';
import { sendSessionReminders } from './sessions.reminders';
import { sessionRoutes } from './sessions.routes';
import { sessionsPersonalData } from './sessions.personal-data';

/** Training sessions and open events: bookings, waiting lists, registers, check-in and calendar feeds. */
export const sessionsModule: FeatureModule = {
  name: 'sessions',
  routes: [sessionRoutes, attendanceRoutes, calendarRoutes],
  navigation: [{ href: '/sessions', text: 'Sessions', order: 20, shownTo: 'signed-in', current: (path) => /^\/(sessions|events)(\/|$)/.test(path) }],
  evaluators: [attendanceEvaluator],
  progressColumns: [
    {
      label: 'Sessions attended',
      order: 10,
      async summarise(enrolments, { db, now }) {
        const summaries = await attendanceForEnrolments(db, now, enrolments);
        return new Map([...summaries].map(([id, summary]) => [id, describeAttendance(summary)]));
      },
    },
  ],
  notificationKinds: SESSION_NOTIFICATIONS,
  retention: sessionsRetention,
  sweeps: () => [{ name: 'session-reminders', everyMs: HOUR, run: (db, clock) => sendSessionReminders(db, clock) }],
  // Session materials (files up to 10 MB) are limited in the route.
  ownBodyLimits: [/^\/sessions\/[^/]+\/materials$/],
  demo: { seed: async (trx, clock, context) => void (await seedSessions(trx, clock, context)) },
  personalData: {
    holds: [
      'Sessions facilitated',
      'Bookings and waiting-list places at events',
      'Attendance: present, late or absent, with the reason given, and how it was recorded (register or check-in)',
      'Calendar feed addresses (only a hash is kept)',
    ],
    ...sessionsPersonalData,
  },
};
