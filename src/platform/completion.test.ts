import { describe, expect, it } from 'vitest';
import type { Executor } from './db/database';
import {
  createCompletionEngine,
  type EnrolmentFacts,
  type Evaluator,
  type RequirementKind,
  type RequirementResult,
  type RequirementStatus,
  type RequirementSpec,
} from './completion';

// The engine never touches the database itself; these evaluators don't either.
const db = {} as Executor;
const programme = { id: 'programme', modulesRequired: 2 };

const enrolment = (id: string): EnrolmentFacts => ({ id, organisationId: 'org', personId: `person-${id}`, cohortId: 'cohort', programmeId: 'programme' });

/** An evaluator that answers from a table of statuses per enrolment, and records what it saw. */
const ORDER: Record<string, number> = { baseline_self_assessment: 10, mentor: 40, project: 50, attendance: 60, modules: 80, sign_off: 90 };

function fake(kind: RequirementKind, statuses: Record<string, RequirementStatus>, seen: { kind: string; earlier: number }[] = []): Evaluator {
  return {
    kind,
    order: ORDER[kind] ?? 100,
    last: kind === 'sign_off',
    title: `Title of ${kind}`,
    description: `About ${kind}`,
    settings: [],
    describe: (_settings, _programme, reader) => (reader === 'participant' ? `Do ${kind}` : `They do ${kind}`),
    async evaluate(enrolments, _settings, context) {
      seen.push({ kind, earlier: context.earlier.get(enrolments[0]?.id ?? '')?.length ?? 0 });
      const results = new Map<string, RequirementResult>();
      for (const e of enrolments) {
        const status = statuses[e.id];
        if (status) results.set(e.id, { status, reason: `${kind} is ${status}` });
      }
      return results;
    },
    link: (id) => ({ href: `/enrolments/${id}/${kind}`, text: `Work on ${kind}` }),
  };
}

const spec = (kind: string, position: number, settings = '{}'): RequirementSpec => ({ id: `req-${kind}`, kind, position, settings });

describe('the completion engine', () => {
  it('reports requirements in the programme lead’s order, with the last-judged one (sign-off) last whatever its position', async () => {
    const engine = createCompletionEngine([fake('sign_off', { a: 'not_started' }), fake('modules', { a: 'met' }), fake('project', { a: 'in_progress' })]);
    const reports = await engine.report(db, programme, [spec('sign_off', 1), spec('modules', 3), spec('project', 2)], [enrolment('a')]);
    const report = reports.get('a');
    expect(report?.requirements.map((r) => r.kind)).toEqual(['project', 'modules', 'sign_off']);
    expect(report?.requirements[0]).toEqual({
      requirementId: 'req-project',
      kind: 'project',
      title: 'Title of project',
      description: { participant: 'Do project', others: 'They do project' },
      status: 'in_progress',
      reason: 'project is in_progress',
      link: { href: '/enrolments/a/project', text: 'Work on project' },
    });
  });

  it('evaluates sign-off after everything else, so it can see the other results', async () => {
    const seen: { kind: string; earlier: number }[] = [];
    const engine = createCompletionEngine([fake('sign_off', {}, seen), fake('modules', {}, seen), fake('mentor', {}, seen)]);
    await engine.report(db, programme, [spec('sign_off', 1), spec('modules', 2), spec('mentor', 3)], [enrolment('a')]);
    expect(seen).toEqual([
      { kind: 'modules', earlier: 0 },
      { kind: 'mentor', earlier: 1 },
      { kind: 'sign_off', earlier: 2 },
    ]);
  });

  it('may graduate only when every requirement is met, and says what is outstanding', async () => {
    const engine = createCompletionEngine([fake('modules', { some: 'met', all: 'met' }), fake('sign_off', { all: 'met', none: 'in_progress' })]);
    const reports = await engine.report(db, programme, [spec('modules', 1), spec('sign_off', 2)], [enrolment('none'), enrolment('some'), enrolment('all')]);
    expect(reports.get('none')).toMatchObject({
      mayGraduate: false,
      graduationReason: '2 of 2 requirements are not met yet: title of modules, title of sign_off.',
    });
    expect(reports.get('some')).toMatchObject({ mayGraduate: false, graduationReason: '1 of 2 requirements are not met yet: title of sign_off.' });
    expect(reports.get('all')).toMatchObject({ mayGraduate: true, graduationReason: 'Every requirement is met.' });
    // An evaluator that says nothing about an enrolment leaves it not started.
    expect(reports.get('none')?.requirements[0]).toMatchObject({ status: 'not_started', reason: 'Not started yet' });
  });

  it('a programme with no requirements is not a route to graduating', async () => {
    const engine = createCompletionEngine([fake('modules', {})]);
    const reports = await engine.report(db, programme, [], [enrolment('a')]);
    expect(reports.get('a')).toEqual({
      enrolmentId: 'a',
      requirements: [],
      mayGraduate: false,
      graduationReason: 'The programme has no requirements set yet.',
    });
  });

  it('leaves out requirements whose feature is not installed, and asks nothing of an empty roster', async () => {
    const seen: { kind: string; earlier: number }[] = [];
    const engine = createCompletionEngine([fake('modules', { a: 'met' }, seen)]);
    const reports = await engine.report(db, programme, [spec('modules', 1), spec('feedback_360', 2)], [enrolment('a')]);
    expect(reports.get('a')?.requirements.map((r) => r.kind)).toEqual(['modules']);
    expect(reports.get('a')?.mayGraduate).toBe(true);
    seen.length = 0;
    expect((await engine.report(db, programme, [spec('modules', 1)], [])).size).toBe(0);
    expect(seen).toEqual([]);
  });

  it('lists the kinds that may be chosen in their stated order, whatever order they were registered in', () => {
    const engine = createCompletionEngine([fake('sign_off', {}), fake('modules', {}), fake('baseline_self_assessment', {})]);
    expect(engine.available().map((e) => e.kind)).toEqual(['baseline_self_assessment', 'modules', 'sign_off']);
    expect(engine.evaluator('modules')?.kind).toBe('modules');
    expect(engine.evaluator('project')).toBeUndefined();
  });

  it('refuses two evaluators for one kind', () => {
    expect(() => createCompletionEngine([fake('modules', {}), fake('modules', {})])).toThrow('Two evaluators for the requirement kind "modules"');
  });

  describe('settings', () => {
    const attendance: Evaluator = {
      ...fake('attendance', {}),
      settings: [
        { name: 'minimum', label: 'Minimum attendance', min: 0, max: 100, default: 80, suffix: '%' },
        { name: 'sessions', label: 'Sessions', min: 1, max: 20, default: 6 },
      ],
    };
    const engine = createCompletionEngine([attendance]);

    it('are clamped to each field’s range', () => {
      expect(engine.settingsFor('attendance', '{"minimum":150,"sessions":0}')).toEqual({ minimum: 100, sessions: 1 });
      expect(engine.settingsFor('attendance', '{"minimum":-5,"sessions":25}')).toEqual({ minimum: 0, sessions: 20 });
      expect(engine.settingsFor('attendance', '{"minimum":75,"sessions":8}')).toEqual({ minimum: 75, sessions: 8 });
    });

    it('fall back to defaults when missing, unreadable or not numbers', () => {
      for (const json of ['', '{}', 'not json', 'null', '[1,2]', '7', '{"minimum":"90","sessions":null}']) {
        expect(engine.settingsFor('attendance', json), json).toEqual({ minimum: 80, sessions: 6 });
      }
    });

    it('ignore unknown fields and unknown kinds', () => {
      expect(engine.settingsFor('attendance', '{"minimum":90,"colour":3}')).toEqual({ minimum: 90, sessions: 6 });
      expect(engine.settingsFor('project', '{"minimum":90}')).toEqual({});
    });

    it('reach the evaluator clamped', async () => {
      let got: unknown;
      const spy = createCompletionEngine([
        {
          ...attendance,
          evaluate: async (_e, settings) => {
            got = settings;
            return new Map();
          },
        },
      ]);
      await spy.report(db, programme, [spec('attendance', 1, '{"minimum":400}')], [enrolment('a')]);
      expect(got).toEqual({ minimum: 100, sessions: 6 });
    });
  });
});
