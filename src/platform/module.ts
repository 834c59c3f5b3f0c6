import type { Hono, MiddlewareHandler } from 'hono';
import type { Migration } from 'kysely';
import type { Config } from '../config';
import type { Evaluator, ProgressColumn } from './completion';
import type {
  CalendarEntries,
  CoachOfEnrolment,
  DemoStep,
  OutsideSchoolsOf,
  NavigationEntry,
  NotificationKinds,
  PersonalDataHook,
  PersonalDataRegistry,
  PersonRecordSection,
  RetentionRecordType,
  SignInChoices,
  WorkerContext,
} from './contributions';
export { exportNothing } from './contributions';
import type { Reactions, Subscriptions } from './events';
import type { AppEnv } from './http/env';
import type { OutboxHandler, Sweep } from './jobs/outbox';

export type {
  CalendarEntries,
  CalendarEntry,
  CoachOfEnrolment,
  DemoContext,
  DemoSignIn,
  DemoStep,
  NavigationEntry,
  NotificationKindSpec,
  NotificationKinds,
  OutsideSchool,
  OutsideSchoolsOf,
  DataSubject,
  ErasureContext,
  PersonalDataExport,
  PersonalDataHook,
  PersonalDataRegistry,
  PersonRecordLine,
  PersonRecordSection,
  RecordSubject,
  RetentionContext,
  RetentionRecordType,
  SignInChoice,
  SignInChoices,
  WorkerContext,
} from './contributions';

/**
 * What a module's sweeps may need of every module: the retention record types (the data protection
 * sweep applies them) and the personal-data hooks (the subject rights sweep resumes erasures with them).
 */
export interface ComposedForSweeps {
  retention: readonly RetentionRecordType[];
  personalData: PersonalDataRegistry;
}

/**
 * One feature of Waymark, as the app, the worker and the command line see it. Each feature folder
 * exports one from its `module.ts`; `src/features/index.ts` lists them, and everything below is
 * composed from that list (see `composeFeatures`). Adding a feature is its folder plus one line.
 */
export interface FeatureModule {
  /** The folder's name, e.g. `cohorts`. */
  name: string;
  /** Route groups, mounted at `/` in list order. Every route declares who may use it (`access()`). */
  routes?: Hono<AppEnv>[];
  /** Run on every request once the signed-in person is known, in list order. */
  middleware?: MiddlewareHandler<AppEnv>[];
  /** Links in the service navigation. */
  navigation?: NavigationEntry[];
  /** Components a programme can require, one evaluator each (see `completion.ts`). */
  evaluators?: Evaluator[];
  /** Facts shown beside each of a person's enrolments on My programme, whether or not required. */
  progressColumns?: ProgressColumn[];
  /** Sections the feature adds to a staff record (the staff feature shows them without knowing whose they are). */
  personRecordSections?: PersonRecordSection[];
  /** What the feature adds to a person's calendar feed (the sessions feature writes the feed). */
  calendarEntries?: CalendarEntries;
  /** Who coaches an enrolment's participant (one module gives it: mentoring). */
  coachOfEnrolment?: CoachOfEnrolment;
  /** The schools on the school list of people from schools not on Waymark (one module gives it: partners). */
  outsideSchoolsOf?: OutsideSchoolsOf;
  /** Ways to sign in the feature offers on the sign-in page (single sign-on buttons). */
  signInChoices?: SignInChoices;
  /** Kinds of notification the feature sends: the settings page lists them all. */
  notificationKinds?: NotificationKinds;
  /** Work the worker does on a timer (reminders and other sweeps that queue messages). */
  sweeps?: (config: Config, composed: ComposedForSweeps) => Sweep[];
  /** Outbox message kinds this feature delivers. */
  outboxHandlers?: (context: WorkerContext) => Record<string, OutboxHandler>;
  /** Done inside the transaction that published the event (see `events.ts`). */
  reactions?: Reactions;
  /** Done by the worker after the publishing transaction commits, each subscriber on its own (see `events.ts`). */
  subscriptions?: Subscriptions;
  /**
   * Paths whose routes set their own request size limit (file uploads); every other request is
   * limited to 1 MB.
   */
  ownBodyLimits?: RegExp[];
  /** Migrations for the feature's tables, named `YYYY_MM_DD_HHMM_what`; frozen once landed. */
  migrations?: Record<string, Migration>;
  /** Adds the feature's part of the demo trust (`waymark demo`). */
  demo?: DemoStep;
  /** Kinds of record it keeps and destroys on a retention schedule (see `RetentionRecordType`). */
  retention?: RetentionRecordType[];
  /** What personal data the feature holds, and (from the data protection work) how to export and erase it. */
  personalData: PersonalDataHook;
}
