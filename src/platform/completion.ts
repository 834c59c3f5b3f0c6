import { systemClock, type Clock } from './db/clock';
import type { Executor } from './db/database';

/**
 * The completion engine: given enrolments, it reports each of their programme's requirements as
 * not started / in progress / met, with the reason, and whether the enrolment may graduate.
 *
 * Features that provide a component of a programme (modules and sign-off, self-assessment, 360
 * feedback, attendance; later mentoring, projects, portfolio) each supply an Evaluator in their
 * FeatureModule. The app is built with every module's evaluators, and only kinds with an evaluator
 * can be chosen as requirements.
 */

/** A component's name as stored on a programme's requirement, such as `attendance` or `sign_off`. */
export type RequirementKind = string;

export type RequirementStatus = 'not_started' | 'in_progress' | 'met';

export const REQUIREMENT_STATUS_TEXT: Record<RequirementStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  met: 'Met',
};

/**
 * Whom a requirement's description speaks to: the participant, on their own pages and on a
 * programme's page ("Attend at least 80% of your cohort’s sessions"), or anyone else reading about a
 * participant, such as their line manager or a programme lead ("The participant attends…").
 */
export type Reader = 'participant' | 'others';

export interface RequirementResult {
  status: RequirementStatus;
  /** A sentence the participant and the lead both understand: "2 of 3 modules completed". */
  reason: string;
}

/** A numeric setting of a requirement, for example the minimum attendance. */
export interface SettingField {
  name: string;
  label: string;
  hint?: string;
  min: number;
  max: number;
  default: number;
  /** Shown after the input, for example "%". */
  suffix?: string;
}

export type Settings = Record<string, number>;

/** What evaluators know about each enrolment. */
export interface EnrolmentFacts {
  id: string;
  organisationId: string;
  personId: string;
  cohortId: string;
  programmeId: string;
}

export interface EvaluationContext {
  db: Executor;
  /** Results of the requirements evaluated before this one, per enrolment (sign-off is always last). */
  earlier: Map<string, RequirementResult[]>;
  /** The programme's own settings an evaluator may need, such as how many modules to complete. */
  programme: { id: string; modulesRequired: number | null };
  /** The moment of the report, from the app's clock (sessions held so far, rounds closed by now). */
  now: Date;
}

export interface Evaluator {
  kind: RequirementKind;
  /** Where the component is listed among the others for the programme lead (smaller first). */
  order: number;
  /** Judged after every other requirement, and listed last: programme lead sign-off sees whether the rest are met. */
  last?: boolean;
  /** "Programme lead sign-off" */
  title: string;
  /** For the programme lead choosing requirements. */
  description: string;
  settings: SettingField[];
  /** What the requirement asks, in words for `reader`: "Choose and complete 3 modules" to the participant. */
  describe(settings: Settings, programme: EvaluationContext['programme'], reader: Reader): string;
  /** Evaluates many enrolments at once (a cohort roster), with a bounded number of queries. */
  evaluate(enrolments: EnrolmentFacts[], settings: Settings, context: EvaluationContext): Promise<Map<string, RequirementResult>>;
  /** Where the participant goes to work on it, if anywhere. */
  link?(enrolmentId: string): { href: string; text: string } | null;
}

/**
 * A fact about each of a person's enrolments shown beside it on "My programme" whether or not the
 * programme requires it ("Sessions attended: 4 of 5 sessions (80%)"). Features with something to
 * say about every enrolment provide one in their module.
 */
export interface ProgressColumn {
  /** The column's heading: "Sessions attended". */
  label: string;
  /** Where it sits among the columns: smaller first. */
  order: number;
  /** The text for each enrolment (enrolments it has nothing to say about are left blank). */
  summarise(enrolments: EnrolmentFacts[], context: { db: Executor; now: Date }): Promise<Map<string, string>>;
}

export interface RequirementSpec {
  id: string;
  kind: string;
  position: number;
  /** JSON text as stored. */
  settings: string;
}

export interface RequirementReport {
  requirementId: string;
  kind: RequirementKind;
  title: string;
  /** What it asks, for each kind of reader. */
  description: Record<Reader, string>;
  status: RequirementStatus;
  reason: string;
  link: { href: string; text: string } | null;
}

export interface CompletionReport {
  enrolmentId: string;
  requirements: RequirementReport[];
  mayGraduate: boolean;
  /** Why not, when not. */
  graduationReason: string;
}

export interface CompletionEngine {
  /** Kinds that can be chosen as requirements, in display order. */
  available(): Evaluator[];
  evaluator(kind: string): Evaluator | undefined;
  /** Reads stored settings, filling defaults and clamping to each field's range. */
  settingsFor(kind: string, json: string): Settings;
  /** Every progress column with its text for each of these enrolments (of any programmes), in order. */
  progress(db: Executor, enrolments: EnrolmentFacts[]): Promise<{ label: string; values: Map<string, string> }[]>;
  /** Reports on enrolments of one programme: requirements in the lead's order, sign-off always last. */
  report(
    db: Executor,
    programme: EvaluationContext['programme'],
    requirements: RequirementSpec[],
    enrolments: EnrolmentFacts[],
  ): Promise<Map<string, CompletionReport>>;
}

export function createCompletionEngine(evaluators: Evaluator[], clock: Clock = systemClock, progressColumns: ProgressColumn[] = []): CompletionEngine {
  const byKind = new Map<string, Evaluator>();
  for (const evaluator of evaluators) {
    if (byKind.has(evaluator.kind)) throw new Error(`Two evaluators for the requirement kind "${evaluator.kind}"`);
    byKind.set(evaluator.kind, evaluator);
  }
  const isLast = (kind: string) => byKind.get(kind)?.last === true;
  const ordered = [...byKind.values()].sort((a, b) => Number(a.last === true) - Number(b.last === true) || a.order - b.order);

  function settingsFor(kind: string, json: string): Settings {
    const evaluator = byKind.get(kind);
    if (!evaluator) return {};
    let raw: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(json || '{}');
      // Only an object holds settings; `null`, a number or a list reads as "nothing set".
      raw = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      raw = {};
    }
    const settings: Settings = {};
    for (const field of evaluator.settings) {
      const given = raw[field.name];
      const value = typeof given === 'number' && Number.isFinite(given) ? given : field.default;
      settings[field.name] = Math.min(field.max, Math.max(field.min, value));
    }
    return settings;
  }

  return {
    available: () => ordered,
    evaluator: (kind) => byKind.get(kind),
    settingsFor,
    async progress(db, enrolments) {
      const columns = [...progressColumns].sort((a, b) => a.order - b.order);
      const now = clock.now();
      return Promise.all(
        columns.map(async (column) => ({
          label: column.label,
          values: enrolments.length > 0 ? await column.summarise(enrolments, { db, now }) : new Map<string, string>(),
        })),
      );
    },
    async report(db, programme, requirements, enrolments) {
      // A `last` evaluator (sign-off) goes last, so it can see whether everything else is met.
      const specs = [...requirements].sort((a, b) => Number(isLast(a.kind)) - Number(isLast(b.kind)) || a.position - b.position);
      const now = clock.now();
      const earlier = new Map<string, RequirementResult[]>(enrolments.map((e) => [e.id, []]));
      const reports = new Map<string, RequirementReport[]>(enrolments.map((e) => [e.id, []]));
      for (const spec of specs) {
        const evaluator = byKind.get(spec.kind);
        if (!evaluator) continue; // a component whose feature is not installed: never chosen, so only old data
        const settings = settingsFor(spec.kind, spec.settings);
        const results =
          enrolments.length > 0 ? await evaluator.evaluate(enrolments, settings, { db, earlier, programme, now }) : new Map<string, RequirementResult>();
        for (const enrolment of enrolments) {
          const result = results.get(enrolment.id) ?? { status: 'not_started', reason: 'Not started yet' };
          earlier.get(enrolment.id)?.push(result);
          reports.get(enrolment.id)?.push({
            requirementId: spec.id,
            kind: evaluator.kind,
            title: evaluator.title,
            description: { participant: evaluator.describe(settings, programme, 'participant'), others: evaluator.describe(settings, programme, 'others') },
            status: result.status,
            reason: result.reason,
            link: evaluator.link?.(enrolment.id) ?? null,
          });
        }
      }
      const out = new Map<string, CompletionReport>();
      for (const enrolment of enrolments) {
        const list = (reports.get(enrolment.id) ?? []).sort(
          (a, b) =>
            Number(isLast(a.kind)) - Number(isLast(b.kind)) ||
            requirementOrder(requirements, a.requirementId) - requirementOrder(requirements, b.requirementId),
        );
        const outstanding = list.filter((r) => r.status !== 'met');
        out.set(enrolment.id, {
          enrolmentId: enrolment.id,
          requirements: list,
          mayGraduate: list.length > 0 && outstanding.length === 0,
          graduationReason:
            list.length === 0
              ? 'The programme has no requirements set yet.'
              : outstanding.length === 0
                ? 'Every requirement is met.'
                : `${outstanding.length} of ${list.length} ${list.length === 1 ? 'requirement is' : 'requirements are'} not met yet: ${outstanding.map((r) => r.title.toLowerCase()).join(', ')}.`,
        });
      }
      return out;
    },
  };
}

function requirementOrder(requirements: RequirementSpec[], id: string): number {
  return requirements.find((r) => r.id === id)?.position ?? 0;
}
