import type { Transaction } from 'kysely';
import type { Config } from '../config';
import type { Clock } from './db/clock';
import type { Database, Db, Executor } from './db/database';
import type { AccessRule, Viewer } from './http/viewer';
import type { Logger } from './log';
import type { Mailer } from './mail/mailer';

// The kinds of thing a feature module contributes (see module.ts), as plain types the rest of the
// platform can use without knowing about modules.

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
  config: Pick<Config, 'BASE_URL' | 'SIGNING_KEYS_SECRET'>;
  logger: Logger;
  /** Every module's notification kinds. */
  notificationKinds: NotificationKinds;
  /** Every module's personal-data hooks. */
  personalData: PersonalDataRegistry;
}

/** Shared by the demo steps: the demo organisation's id and the ids of what earlier steps made, by key. */
export interface DemoContext {
  organisationId: string;
  /** People by their key in the demo staff list (`ceo`, `rEng3`…), and anything else a later step needs. */
  ids: Map<string, string>;
  /** Every module's personal-data hooks (set by compose.ts), for a step that exports or erases someone. */
  personalData?: PersonalDataRegistry;
}

export interface DemoSignIn {
  who: string;
  email: string;
}

export interface DemoStep {
  /** Runs inside the demo's one transaction; may return sign-ins to print. */
  // biome-ignore lint/suspicious/noConfusingVoidType: most steps print nothing, and an async function that returns nothing is a Promise<void>.
  seed(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<DemoSignIn[] | void>;
}

/** The person a staff record is about, as another feature needs them to decide what the viewer may follow. */
export interface RecordSubject {
  id: string;
  organisationId: string;
  schoolId: string | null;
  lineManagerId: string | null;
}

/** One line of a section another feature adds to a staff record: a link when the viewer may follow it. */
export interface PersonRecordLine {
  text: string;
  href: string | null;
  /** Shown after the text, e.g. a status. */
  status: string | null;
}

/**
 * A section a feature adds to a staff record (a person's programmes, say). It is only asked for
 * people the viewer may see in full; it returns no lines when it has nothing to show.
 */
export interface PersonRecordSection {
  /** Where it sits on the record: smaller first. */
  order: number;
  /** The heading, as the viewer reads it on their own record and on someone else's. */
  heading: { own: string; other: string };
  lines(db: Executor, viewer: Viewer, subject: RecordSubject): Promise<PersonRecordLine[]>;
}

/**
 * Something a feature puts in a person's private calendar feed besides sessions (a mentoring
 * meeting, say). The sessions feature writes the feed; the UID is `<uid>@<host of BASE_URL>`, so
 * `uid` must stay the same for the same thing for ever, and `sequence` must rise when it changes.
 */
export interface CalendarEntry {
  uid: string;
  title: string;
  description: string;
  /** A whole day (YYYY-MM-DD, UK date), or a time (UTC ISO instants). */
  when: { date: string } | { startsAt: string; endsAt: string };
  location: string | null;
  /** Where on Waymark it is, e.g. `/mentoring/pairings/<id>`. */
  path: string;
  sequence: number;
  createdAt: string;
  updatedAt: string;
  /** Called off: kept in the feed (same UID, a higher sequence) so calendars mark it cancelled rather than leave it standing. */
  cancelled?: boolean;
}

/** A feature's entries in one person's calendar feed (only what that person may see). */
export type CalendarEntries = (db: Executor, personId: string, now: Date) => Promise<CalendarEntry[]>;

/**
 * Who coaches the participant of an enrolment (the mentoring feature answers), for features that
 * give the coach a part without depending on mentoring (a project's comments, say). Null: nobody.
 */
export type CoachOfEnrolment = (db: Executor, enrolmentId: string) => Promise<string | null>;

/**
 * A member of staff of a school that is on no organisation on Waymark (an outside applicant): the
 * school they named, by its URN on the school list, and the headteacher they named.
 */
export interface OutsideSchool {
  urn: string;
  headteacherName: string;
  headteacherEmail: string;
}

/**
 * The outside schools of some people (the partners feature answers), for features that show or act
 * on a person's school without depending on partners (applications, rosters). People with none are
 * left out of the map.
 */
export type OutsideSchoolsOf = (db: Executor, personIds: readonly string[]) => Promise<Map<string, OutsideSchool>>;

/**
 * The person a subject access export or an erasure is about, as every feature's hook is given them.
 * `strings` are the words that identify them (given name, family name, full name, email), so a hook
 * can find copies kept in free text it owns (a notification's message, say).
 */
export interface DataSubject {
  id: string;
  organisationId: string;
  givenName: string;
  familyName: string;
  email: string;
  strings: string[];
}

/** One feature's part of a subject access export. */
export interface PersonalDataExport {
  /**
   * Plain JSON (no functions or class instances): written to `<feature>.json` in the ZIP and
   * summarised in its HTML. An empty object when the feature holds nothing about the person.
   */
  data: Record<string, unknown>;
  /** Stored files (`stored_files` ids) that are theirs, put in the ZIP under `files/`. */
  files: { fileId: string; name: string }[];
  /** What the feature holds about them but leaves out, and why, one plain line each ("2 answers about you from colleagues: they would identify who gave them"). */
  withheld: string[];
}

/** What an erasure needs beyond who the person is. */
export interface ErasureContext {
  /**
   * A "former member of staff" row in `people`, made for this erasure, standing in for the person
   * wherever other people's records must still say someone did something (a mentee's log keeps "a
   * former mentor"; an enrolment stays signed off). Point such columns at it instead of deleting.
   */
  formerPersonId: string;
  /** The organisation's choice for credentials already issued: left verifiable, or revoked. */
  credentials: 'keep' | 'revoke';
  /** ISO instant of the erasure (`clock.now()` when it began). */
  now: string;
  clock: Clock;
  /** For re-signing what must be re-signed (a revocation list). */
  config: Pick<Config, 'BASE_URL' | 'SIGNING_KEYS_SECRET'>;
}

/**
 * A feature's personal data: what it keeps, and how to export and erase it for one person. Every
 * feature gives all three, even when it keeps nothing (then `holds` is empty, `export` gives empty
 * data and `erase` still points any "done by" columns of its tables at the former person).
 */
/** A way to sign in that a feature offers on the sign-in page besides a password (Sign in with Microsoft, say): a button posting to `action`. */
export interface SignInChoice {
  text: string;
  action: string;
}

/**
 * The sign-in choices a feature offers for an organisation (null: the sign-in page was opened
 * without one). The auth feature shows them without knowing who offers them.
 */
export type SignInChoices = (db: Executor, organisationId: string | null) => Promise<SignInChoice[]>;

export interface PersonalDataHook {
  /** The personal data the feature keeps, in plain words, one line a kind. Empty when it keeps none. */
  holds: string[];
  /**
   * Everything the feature holds about one person, for a subject access request (read only; may
   * run outside a transaction). Other people's data in the same records is left out or listed in
   * `withheld`.
   */
  export(db: Executor, subject: DataSubject): Promise<PersonalDataExport>;
  /**
   * Deletes or anonymises everything the feature holds about one person, inside the erasure's one
   * transaction (hooks run in reverse list order, so a feature runs before those it depends on;
   * the person's own row in `people` is deleted after every hook). Afterwards no row of the feature's tables may hold the person's
   * id, name or email; aggregates others see (counts, averages) stay right. Returns what it did,
   * in plain words, one line each ("Deleted 4 notifications"); empty when there was nothing.
   */
  erase(trx: Executor, subject: DataSubject, context: ErasureContext): Promise<string[]>;
}

/** Every module's personal-data hooks, composed (see compose.ts): what the subject rights feature works with. */
export interface PersonalDataRegistry {
  /** What each feature keeps, in list order. */
  holds: { feature: string; holds: string[] }[];
  /** Every module's part of one person's subject access export, in list order. */
  exportAll(db: Executor, subject: DataSubject): Promise<{ feature: string; part: PersonalDataExport }[]>;
  /**
   * The steps of an erasure: every feature, in reverse list order (a feature before those it depends
   * on; staff near the end). Each step is one feature's `eraseFeature`, in its own transaction.
   */
  erasureSteps: string[];
  /** One feature's part of an erasure (a step of a resumable erasure), in the caller's transaction. */
  eraseFeature(trx: Executor, feature: string, subject: DataSubject, context: ErasureContext): Promise<string[]>;
}

/** An export with nothing in it: for a feature that holds nothing about the person. */
export async function exportNothing(): Promise<PersonalDataExport> {
  return { data: {}, files: [], withheld: [] };
}

/**
 * A kind of record a feature keeps and destroys on a schedule (unsuccessful applications, read
 * notifications…). The data protection feature lists every one on its retention page, lets an
 * organisation change the period (never below `minimumMonths`), and a daily sweep calls `apply`
 * for each organisation with the cut-off that period gives.
 */
export interface RetentionRecordType {
  /** Stable for ever: stored with the organisation's chosen period and in the run log, e.g. `cohorts.unsuccessful-applications`. */
  key: string;
  /** On the settings page and privacy notice: "Unsuccessful applications". */
  name: string;
  /** What is kept and when the clock starts: "Declined applications to a cohort, from the date of the decision". */
  description: string;
  /** What happens when the period ends: "deleted", or "the school's details removed; the person's own record stays". */
  action: string;
  defaultMonths: number;
  /** Below this the organisation may not go; `basis` says why. */
  minimumMonths: number;
  /** Where the default and the minimum come from (the IRMS toolkit for schools, a limitation period…). */
  basis: string;
  /**
   * Deletes or anonymises the organisation's records of this type whose clock started before
   * `cutoff` (an ISO instant), inside the run's transaction; gives how many records it changed.
   * Must be safe to run again (a record already dealt with is not counted twice).
   */
  apply(trx: Executor, organisationId: string, cutoff: string, context?: RetentionContext): Promise<number>;
}

/** What a retention rule may need besides the database: where the installation keeps its files (the development mail folder). The daily sweep always gives it. */
export interface RetentionContext {
  config: Pick<Config, 'DATA_DIR' | 'SMTP_URL'>;
}

/** What every feature says it keeps, by feature: the privacy notice and record of processing are built from it. */
export interface PersonalDataHolds {
  feature: string;
  holds: readonly string[];
}
