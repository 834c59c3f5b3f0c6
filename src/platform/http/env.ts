import type { Config } from '../../config';
import type { Db } from '../db/database';
import type { CompletionEngine } from '../completion';
import type { Features } from '../compose';
import type { EventBus } from '../events';
import type { Clock } from '../db/clock';
import type { Logger } from '../log';
import type { Mailer, StoredEmail } from '../mail/mailer';

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
  /** What the feature modules contribute: navigation, notification kinds and the rest. */
  features: Features;
}

export type RoleName = 'org_admin' | 'school_admin' | 'programme_lead';

/** The signed-in person, as every handler and view sees them. */
export interface Viewer {
  id: string;
  sessionId: string;
  organisationId: string;
  organisationName: string;
  schoolId: string | null;
  givenName: string;
  familyName: string;
  email: string;
  roles: { role: RoleName; schoolId: string | null }[];
  /** True when at least one active person names them as line manager. */
  isLineManager: boolean;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    log: Logger;
    viewer: Viewer | null;
    /** The organisation name for the header when nobody is signed in. */
    headerName: string;
    /** Numbers shown in the service navigation, by name (e.g. unread notifications; set for page requests only). */
    navigationCounts?: Record<string, number>;
    secureHeadersNonce?: string;
  };
}
