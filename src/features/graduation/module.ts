import type { FeatureModule } from '../../platform/module';
import { seedGraduation } from './demo/graduation.demo';
import { graduationRoutes } from './graduation.routes';
import { GRADUATION_NOTIFICATIONS } from './graduation.notifications';
import { eraseInvitations, exportInvitations } from './graduation.queries';
import { graduationCalendarEntries, inviteNewGraduate } from './graduation.service';
import * as graduationTables from './migrations/2026_12_04_1045_graduation';

/**
 * Graduation ceremonies: a programme lead links an open event of the kind “Graduation ceremony” to
 * the cohorts it celebrates; their graduates are listed and invited (once each, later graduates when
 * their completion is confirmed), it goes into their calendar feeds, and it has a printable programme.
 */
export const graduationModule: FeatureModule = {
  name: 'graduation',
  routes: [graduationRoutes],
  navigation: [{ href: '/graduations', text: 'Graduation', order: 48.5, shownTo: 'signed-in', current: (path) => /^\/graduations(\/|$)/.test(path) }],
  notificationKinds: GRADUATION_NOTIFICATIONS,
  calendarEntries: graduationCalendarEntries,
  subscriptions: {
    'enrolment.completed': (context, payload) => inviteNewGraduate(context, payload),
  },
  demo: { seed: seedGraduation },
  migrations: { '2026_12_04_1045_graduation': graduationTables },
  personalData: {
    holds: ['Invitations to graduation ceremonies, as a graduate or as a graduate’s line manager, and when each was sent'],
    export: async (db, subject) => ({ data: { graduation: await exportInvitations(db, subject.id) }, files: [], withheld: [] }),
    erase: async (trx, subject) => {
      await eraseInvitations(trx, subject.id);
      return ['Deleted their graduation invitations'];
    },
  },
};
