import type { Evaluator, RequirementResult } from '../../platform/completion';

/** "Programme lead sign-off": met once a programme lead has signed the enrolment off. */
export const signOffEvaluator: Evaluator = {
  kind: 'sign_off',
  order: 90,
  last: true,
  title: 'Programme lead sign-off',
  description: 'A programme lead confirms the participant has completed the programme. They can sign off once every other requirement is met.',
  settings: [],
  describe: (_settings, _programme, reader) =>
    reader === 'participant'
      ? 'A programme lead confirms you have completed the programme'
      : 'A programme lead confirms the participant has completed the programme',
  async evaluate(enrolments, _settings, { db, earlier }) {
    const ids = enrolments.map((e) => e.id);
    const rows = await db
      .selectFrom('enrolment_signoffs')
      .innerJoin('people', 'people.id', 'enrolment_signoffs.signed_off_by')
      .select(['enrolment_signoffs.enrolment_id', 'enrolment_signoffs.created_at', 'people.given_name', 'people.family_name'])
      .where('enrolment_signoffs.enrolment_id', 'in', ids)
      .execute();
    const signed = new Map(rows.map((r) => [r.enrolment_id, r]));
    const results = new Map<string, RequirementResult>();
    for (const enrolment of enrolments) {
      const row = signed.get(enrolment.id);
      if (row) {
        results.set(enrolment.id, { status: 'met', reason: `Signed off by ${row.given_name} ${row.family_name}` });
        continue;
      }
      const others = earlier.get(enrolment.id) ?? [];
      const ready = others.every((r) => r.status === 'met');
      results.set(enrolment.id, {
        status: 'not_started',
        reason: ready ? 'Ready for a programme lead to sign off' : 'A programme lead signs off once every other requirement is met',
      });
    }
    return results;
  },
};

/** "Chosen modules completed": for self-directed, modular programmes. */
export const modulesEvaluator: Evaluator = {
  kind: 'modules',
  order: 80,
  title: 'Chosen modules completed',
  description: 'The participant chooses modules from the programme’s list and completes them. How many is set on the programme.',
  settings: [],
  describe: (_settings, programme, reader) => {
    const n = programme.modulesRequired ?? 1;
    return `${reader === 'participant' ? 'Choose and complete' : 'The participant chooses and completes'} ${n} ${n === 1 ? 'module' : 'modules'}`;
  },
  async evaluate(enrolments, _settings, { db, programme }) {
    const needed = Math.max(1, programme.modulesRequired ?? 1);
    const rows = await db
      .selectFrom('enrolment_modules')
      .select(['enrolment_id', 'completed_at'])
      .where(
        'enrolment_id',
        'in',
        enrolments.map((e) => e.id),
      )
      .execute();
    const counts = new Map<string, { chosen: number; completed: number }>();
    for (const row of rows) {
      const c = counts.get(row.enrolment_id) ?? { chosen: 0, completed: 0 };
      c.chosen += 1;
      if (row.completed_at) c.completed += 1;
      counts.set(row.enrolment_id, c);
    }
    const results = new Map<string, RequirementResult>();
    for (const enrolment of enrolments) {
      const c = counts.get(enrolment.id) ?? { chosen: 0, completed: 0 };
      const noun = (n: number) => `${n} ${n === 1 ? 'module' : 'modules'}`;
      if (c.completed >= needed) results.set(enrolment.id, { status: 'met', reason: `${noun(c.completed)} completed` });
      else if (c.chosen === 0) results.set(enrolment.id, { status: 'not_started', reason: `No modules chosen yet: choose ${noun(needed)}` });
      else results.set(enrolment.id, { status: 'in_progress', reason: `${c.completed} of ${noun(needed)} completed` });
    }
    return results;
  },
  link: (enrolmentId) => ({ href: `/enrolments/${enrolmentId}/modules`, text: 'Choose and complete modules' }),
};
