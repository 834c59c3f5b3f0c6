import type { Config } from '../../config';
import type { Db } from '../db/database';
import type { CompletionEngine } from '../completion';
import type {
  CalendarEntries,
  CoachOfEnrolment,
  NavigationEntry,
  NotificationKinds,
  OutsideSchoolsOf,
  PersonalDataHolds,
  PersonRecordSection,
  RetentionRecordType,
  PersonalDataRegistry,
  SignInChoices,
} from '../contributions';
import type { EventBus } from '../events';
import type { Clock } from '../db/clock';
import type { Logger } from '../log';
import type { Mailer, StoredEmail } from '../mail/mailer';
import type { PersonalViewer, Viewer } from './viewer';

export type { PersonalViewer, RoleName, Viewer } from './viewer';

/** What every request can reach: created once in createApp. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  mailer: Mailer & { list?: () => Promise<StoredEmail[]> };
  logger: Logger;
  /** Reports programme requirements for enrolments; built from every feature's evaluator. */
  completion: CompletionEngine;
  /** Publishes domain events to the features that react to them. */
  events: EventBus;
  /** The service navigation, from every feature module. */
  navigation: readonly NavigationEntry[];
  /** Every kind of notification the feature modules send. */
  notificationKinds: NotificationKinds;
  /** Sections feature modules add to a staff record. */
  personRecordSections: readonly PersonRecordSection[];
  /** What feature modules add to people's calendar feeds (none when left out). */
  calendarEntries?: readonly CalendarEntries[];
  /** Who coaches an enrolment's participant (from mentoring; nobody when left out). */
  coachOfEnrolment?: CoachOfEnrolment;
  /** The outside schools of people from schools not on Waymark (from partners; nobody has one when left out). */
  outsideSchoolsOf?: OutsideSchoolsOf;
  /** Every kind of record kept on a retention schedule (none when left out). */
  retention?: readonly RetentionRecordType[];
  /** What every feature module says it keeps, for the privacy notice (none when left out). */
  personalDataHolds?: readonly PersonalDataHolds[];
  /** Ways to sign in besides a password, offered by feature modules (none when left out). */
  signInChoices?: readonly SignInChoices[];
  /** Every feature's personal-data hooks, for subject access and erasure (none when left out). */
  personalData?: PersonalDataRegistry;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    log: Logger;
    viewer: Viewer | null;
    /** Someone signed in to their personal account only (a leaver); null for staff and the signed out. */
    personal?: PersonalViewer | null;
    /** The organisation name for the header when nobody is signed in. */
    headerName: string;
    /** Numbers shown in the service navigation, by name (e.g. unread notifications; set for page requests only). */
    navigationCounts?: Record<string, number>;
    secureHeadersNonce?: string;
  };
}
