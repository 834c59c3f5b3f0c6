import type { FeatureModule } from '../platform/module';
import { composeFeatures } from '../platform/compose';
import { applicantMessagesModule } from './applicant-messages/module';
import { authModule } from './auth/module';
import { careersModule } from './careers/module';
import { certificatesModule } from './certificates/module';
import { cohortsModule } from './cohorts/module';
import { dataProtectionModule } from './data-protection/module';
import { devMailModule } from './dev-mail/module';
import { enrolmentsModule } from './enrolments/module';
import { establishmentsModule } from './establishments/module';
import { equalityModule } from './equality/module';
import { feedbackModule } from './feedback/module';
import { frameworksModule } from './frameworks/module';
import { graduationModule } from './graduation/module';
import { mentoringModule } from './mentoring/module';
import { homeModule } from './home/module';
import { libraryModule } from './library/module';
import { notificationsModule } from './notifications/module';
import { organisationsModule } from './organisations/module';
import { partnersModule } from './partners/module';
import { partnerStaffModule } from './partner-staff/module';
import { portfolioModule } from './portfolio/module';
import { programmesModule } from './programmes/module';
import { recordModule } from './record/module';
import { reportsModule } from './reports/module';
import { projectsModule } from './projects/module';
import { selfAssessmentModule } from './self-assessment/module';
import { sessionsModule } from './sessions/module';
import { tastersModule } from './tasters/module';
import { singleSignOnModule } from './single-sign-on/module';
import { staffImportModule } from './staff-import/module';
import { staffModule } from './staff/module';
import { subjectRightsModule } from './subject-rights/module';

/**
 * Every feature of Waymark. The order matters in three places: middleware runs in it (sign-in
 * first), routes are mounted in it, and the demo is seeded in it (the staff before the
 * programmes they take part in). Adding a feature is its folder plus one line here.
 */
export const featureModules: readonly FeatureModule[] = [
  authModule,
  homeModule,
  organisationsModule,
  staffModule,
  staffImportModule,
  establishmentsModule,
  frameworksModule,
  programmesModule,
  cohortsModule,
  applicantMessagesModule,
  enrolmentsModule,
  partnersModule,
  notificationsModule,
  sessionsModule,
  tastersModule,
  selfAssessmentModule,
  feedbackModule,
  mentoringModule,
  projectsModule,
  portfolioModule,
  certificatesModule,
  graduationModule,
  recordModule,
  careersModule,
  libraryModule,
  partnerStaffModule,
  equalityModule,
  reportsModule,
  dataProtectionModule,
  singleSignOnModule,
  subjectRightsModule,
  devMailModule,
];

/** The features composed once: what the app, the worker and the command line are built from. */
export const features = composeFeatures(featureModules);
