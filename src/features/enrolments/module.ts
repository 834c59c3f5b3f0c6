import type { FeatureModule } from '../../platform/module';
import { modulesEvaluator, signOffEvaluator } from './enrolments.evaluators';
import { ENROLMENT_NOTIFICATIONS } from './enrolments.notifications';
import { seedEnrolments } from './demo/enrolments.demo';
import { programmesOnStaffRecord } from './enrolments.record';
import { enrolmentRoutes } from './enrolments.routes';
import { enrolmentsPersonalData } from './enrolments.personal-data';

/** Enrolments: a place on a cohort, its status over time, chosen modules, completion and sign-off. */
export const enrolmentsModule: FeatureModule = {
  name: 'enrolments',
  routes: [enrolmentRoutes],
  evaluators: [modulesEvaluator, signOffEvaluator],
  personRecordSections: [programmesOnStaffRecord],
  notificationKinds: ENROLMENT_NOTIFICATIONS,
  demo: { seed: seedEnrolments },
  personalData: {
    holds: ['Enrolments: cohort, status and its history with reasons, modules chosen with reflections, and sign-off'],
    ...enrolmentsPersonalData,
  },
};
