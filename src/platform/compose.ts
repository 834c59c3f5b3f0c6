import type { Migration } from 'kysely';
import type { Config } from '../config';
import { type CompletionEngine, createCompletionEngine } from './completion';
import type { Clock } from './db/clock';
import { migrations as platformMigrations } from './db/migrations/index';
import { createEventBus, type EventBus, subscriptionHandlers } from './events';
import { auditLogRetention } from './audit/audit';
import { type OutboxHandler, outboxTidySweep, platformHandlers, type Sweep } from './jobs/outbox';
import type {
  CalendarEntries,
  CoachOfEnrolment,
  DemoStep,
  NavigationEntry,
  NotificationKinds,
  OutsideSchoolsOf,
  PersonalDataExport,
  PersonalDataHolds,
  PersonRecordSection,
  RetentionRecordType,
  PersonalDataRegistry,
  SignInChoices,
  WorkerContext,
} from './contributions';
import type { FeatureModule } from './module';

/** Everything the app, the worker and the command line need, composed from the list of feature modules. */
export interface Features {
  modules: readonly FeatureModule[];
  /** Every navigation entry, in order. */
  navigation: NavigationEntry[];
  notificationKinds: NotificationKinds;
  /** Every section modules add to a staff record, in order. */
  personRecordSections: PersonRecordSection[];
  /** What modules add to people's calendar feeds. */
  calendarEntries: CalendarEntries[];
  /** Who coaches an enrolment's participant: the one module that says (none: nobody does). */
  coachOfEnrolment: CoachOfEnrolment;
  /** The outside schools of people: the one module that says (none: nobody has one). */
  outsideSchoolsOf: OutsideSchoolsOf;
  /** Ways to sign in besides a password, from every module that offers some. */
  signInChoices: SignInChoices[];
  /** The platform's migrations and every module's, in name order (which is time order). */
  migrations: Record<string, Migration>;
  /** Paths whose routes limit their own request size. */
  ownBodyLimits: RegExp[];
  demoSteps: DemoStep[];
  /** Every kind of record kept on a retention schedule: the platform's audit log, then each module's, in list order. */
  retention: RetentionRecordType[];
  /** What each module says it keeps (its `personalData.holds`), in list order: for the privacy notice. */
  personalDataHolds: PersonalDataHolds[];
  /** Every module's personal-data hooks: what each keeps, and exporting and erasing one person across all. */
  personalData: PersonalDataRegistry;
  completion(clock: Clock): CompletionEngine;
  events(clock: Clock): EventBus;
  /** The platform's sweeps and every module's, for the worker. */
  sweeps(config: Config): Sweep[];
  /** Every outbox kind the worker can deliver: email, the modules' own, and one per event subscription. */
  outboxHandlers(context: Omit<WorkerContext, 'notificationKinds' | 'personalData'>): Record<string, OutboxHandler>;
}

/** The one module's answer to who coaches an enrolment; two modules giving one is refused. */
function coachResolver(modules: readonly FeatureModule[]): CoachOfEnrolment {
  const givers = modules.filter((m) => m.coachOfEnrolment);
  if (givers.length > 1) throw new Error(`Two feature modules say who coaches an enrolment: ${givers.map((m) => m.name).join(', ')}`);
  return givers[0]?.coachOfEnrolment ?? (async () => null);
}

/** The one module's answer to which outside school people work at; two modules giving one is refused. */
function outsideSchoolsResolver(modules: readonly FeatureModule[]): OutsideSchoolsOf {
  const givers = modules.filter((m) => m.outsideSchoolsOf);
  if (givers.length > 1) throw new Error(`Two feature modules say which outside school people work at: ${givers.map((m) => m.name).join(', ')}`);
  return givers[0]?.outsideSchoolsOf ?? (async () => new Map());
}

function withPersonalData(step: DemoStep, personalData: PersonalDataRegistry): DemoStep {
  return { seed: (trx, clock, context) => step.seed(trx, clock, { ...context, personalData }) };
}

/** Composes the modules, refusing two modules that claim the same name, notification kind, outbox kind or migration. */
export function composeFeatures(modules: readonly FeatureModule[]): Features {
  const claim = (what: string, seen: Set<string>, key: string) => {
    if (seen.has(key)) throw new Error(`Two feature modules declare the ${what} "${key}"`);
    seen.add(key);
  };
  const names = new Set<string>();
  for (const module of modules) claim('name', names, module.name);

  const notificationKinds: NotificationKinds = {};
  const migrationNames = new Set(Object.keys(platformMigrations));
  const moduleMigrations: [string, Migration][] = [];
  for (const module of modules) {
    for (const [kind, spec] of Object.entries(module.notificationKinds ?? {})) {
      if (kind in notificationKinds) throw new Error(`Two feature modules declare the notification kind "${kind}"`);
      notificationKinds[kind] = spec;
    }
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      claim('migration', migrationNames, name);
      moduleMigrations.push([name, migration]);
    }
  }
  const retentionKeys = new Set<string>();
  const retention = [auditLogRetention, ...modules.flatMap((m) => m.retention ?? [])];
  for (const type of retention) claim('retention record type', retentionKeys, type.key);
  const migrations = Object.fromEntries([...Object.entries(platformMigrations), ...moduleMigrations].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

  const personalData: PersonalDataRegistry = {
    holds: modules.map((m) => ({ feature: m.name, holds: m.personalData.holds })),
    async exportAll(db, subject) {
      const parts: { feature: string; part: PersonalDataExport }[] = [];
      for (const module of modules) parts.push({ feature: module.name, part: await module.personalData.export(db, subject) });
      return parts;
    },
    erasureSteps: [...modules].reverse().map((m) => m.name),
    eraseFeature(trx, feature, subject, context) {
      const module = modules.find((m) => m.name === feature);
      if (!module) throw new Error(`No feature called ${feature}`);
      return module.personalData.erase(trx, subject, context);
    },
  };

  return {
    modules,
    navigation: modules.flatMap((m) => m.navigation ?? []).sort((a, b) => a.order - b.order),
    notificationKinds,
    personRecordSections: modules.flatMap((m) => m.personRecordSections ?? []).sort((a, b) => a.order - b.order),
    calendarEntries: modules.flatMap((m) => (m.calendarEntries ? [m.calendarEntries] : [])),
    coachOfEnrolment: coachResolver(modules),
    outsideSchoolsOf: outsideSchoolsResolver(modules),
    signInChoices: modules.flatMap((m) => (m.signInChoices ? [m.signInChoices] : [])),
    migrations,
    ownBodyLimits: modules.flatMap((m) => m.ownBodyLimits ?? []),
    retention,
    personalDataHolds: modules.map((m) => ({ feature: m.name, holds: m.personalData.holds })),
    // Each step is given the personal-data hooks too (the same context otherwise: ids are shared).
    demoSteps: modules.flatMap((m) => (m.demo ? [withPersonalData(m.demo, personalData)] : [])),
    personalData,
    completion: (clock) =>
      createCompletionEngine(
        modules.flatMap((m) => m.evaluators ?? []),
        clock,
        modules.flatMap((m) => m.progressColumns ?? []),
      ),
    events: (clock) => createEventBus(modules, clock),
    // The platform's own sweep first (tidying the outbox), then the modules'.
    sweeps: (config) => [outboxTidySweep(config.OUTBOX_KEEP_DAYS), ...modules.flatMap((m) => m.sweeps?.(config, { retention, personalData }) ?? [])],
    outboxHandlers(partial) {
      const context: WorkerContext = { ...partial, notificationKinds, personalData };
      const handlers: Record<string, OutboxHandler> = { ...platformHandlers(context.mailer) };
      const kinds = new Set(Object.keys(handlers));
      for (const module of modules) {
        for (const [kind, handler] of Object.entries(module.outboxHandlers?.(context) ?? {})) {
          claim('outbox kind', kinds, kind);
          handlers[kind] = handler;
        }
      }
      return { ...handlers, ...subscriptionHandlers(modules, context) };
    },
  };
}
