import type { Hono, MiddlewareHandler } from 'hono';
import type { Migration, Transaction } from 'kysely';
import type { Config } from '../config';
import type { Evaluator } from './completion';
import type { Clock } from './db/clock';
import type { Database, Db, Executor } from './db/database';
import type { DomainEvents, EventBus } from './events';
import type { AccessRule } from './http/access';
import type { AppEnv } from './http/env';
import type { OutboxHandler, Sweep } from './jobs/outbox';
import type { Logger } from './log';
import type { Mailer } from './mail/mailer';

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
  /** Kinds of notification the feature sends: the settings page lists them all. */
  notificationKinds?: NotificationKinds;
  /** Work the worker does on a timer (reminders and other sweeps that queue messages). */
  sweeps?: (config: Config) => Sweep[];
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
  /** What personal data the feature holds, and (from the data protection work) how to export and erase it. */
  personalData: PersonalDataHook;
}

export interface NavigationEntry {
  href: string;
  text: string;
  /** Where it sits in the service navigation: smaller first. */
  order: number;
  /** Who sees it; `signed-out` for people not signed in. */
  shownTo: AccessRule | 'signed-out';
  /** Whether it is the current section for this path. */
  current(path: string): boolean;
  /** A number shown after the text, set on the request by a middleware: its name in `navigationCounts` and what it counts ("unread"). */
  count?: { name: string; label: string };
}

export interface NotificationKindSpec {
  /** On the settings page: "Reminders the day before a session". */
  label: string;
  hint: string | null;
  /** Always emailed: the person has to do something. */
  mustAct: boolean;
}
export type NotificationKinds = Record<string, NotificationKindSpec>;

/** What the worker's handlers can reach. */
export interface WorkerContext {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  config: Pick<Config, 'BASE_URL'>;
  logger: Logger;
  /** Every module's notification kinds. */
  notificationKinds: NotificationKinds;
}

/** What a reaction can use besides its transaction: the clock, and the bus to publish what follows from it. */
export interface ReactionContext {
  clock: Clock;
  events: EventBus;
}

export type Reactions = { [E in keyof DomainEvents]?: (trx: Executor, context: ReactionContext, payload: DomainEvents[E]) => Promise<void> };
export type Subscriptions = { [E in keyof DomainEvents]?: (context: WorkerContext, payload: DomainEvents[E], messageId: string) => Promise<void> };

/** Shared by the demo steps: the demo organisation's id and the ids of what earlier steps made, by key. */
export interface DemoContext {
  organisationId: string;
  /** People by their key in the demo staff list (`ceo`, `rEng3`…), and anything else a later step needs. */
  ids: Map<string, string>;
}

export interface DemoSignIn {
  who: string;
  email: string;
}

export interface DemoStep {
  /** Runs inside the demo's one transaction; may return sign-ins to print. */
  seed(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<DemoSignIn[] | void>;
}

export interface PersonalDataHook {
  /** The personal data the feature keeps, in plain words, one line a kind. Empty when it keeps none. */
  holds: string[];
  /** Everything held about one person, for a subject access request. */
  exportPersonalData?(db: Executor, personId: string): Promise<unknown>;
  /** Erases or anonymises what is held about one person. */
  erasePersonalData?(trx: Executor, personId: string): Promise<void>;
}
