import type { Evaluator, RequirementResult } from '../../platform/completion';
import { programmeFocusSkills } from '../programmes';
import { listEvidenceOf } from './portfolio.queries';
import { parseSkillIds } from './portfolio.schemas';

const entriesText = (n: number) => `${n} verified ${n === 1 ? 'entry' : 'entries'}`;

/**
 * "Portfolio evidence for each focus skill (N verified entries)": every focus skill of the programme
 * has at least N entries in the participant's portfolio that evidence it, each with a reflection and
 * verified by someone else or recorded by Waymark. Two queries for a whole cohort.
 */
export const portfolioEvidenceEvaluator: Evaluator = {
  kind: 'portfolio_evidence',
  order: 45,
  title: 'Portfolio evidence for each focus skill',
  description:
    'For each of the programme’s focus skills, the participant’s portfolio has entries that evidence it, each with a reflection on what changed and for whom, and verified by someone else or recorded by Waymark.',
  settings: [{ name: 'entries', label: 'Verified entries for each focus skill', min: 1, max: 10, default: 1 }],
  describe: (settings, _programme, reader) =>
    reader === 'participant'
      ? `Portfolio evidence for each focus skill (${entriesText(settings.entries ?? 1)})`
      : `The participant’s portfolio has evidence for each focus skill (${entriesText(settings.entries ?? 1)})`,
  async evaluate(enrolments, settings, { db, programme }) {
    const needed = settings.entries ?? 1;
    const [focus, evidence] = await Promise.all([
      programmeFocusSkills(db, programme.id),
      listEvidenceOf(
        db,
        enrolments.map((e) => e.personId),
      ),
    ]);
    const results = new Map<string, RequirementResult>();
    for (const enrolment of enrolments) {
      if (focus.length === 0) {
        results.set(enrolment.id, { status: 'met', reason: 'The programme has no focus skills to evidence' });
        continue;
      }
      const counts = new Map<string, number>();
      for (const row of evidence.filter((r) => r.person_id === enrolment.personId))
        for (const skill of parseSkillIds(row.skills)) counts.set(skill, (counts.get(skill) ?? 0) + 1);
      const done = focus.filter((s) => (counts.get(s.id) ?? 0) >= needed).length;
      const any = focus.some((s) => (counts.get(s.id) ?? 0) > 0);
      const reason = `${done} of ${focus.length} focus ${focus.length === 1 ? 'skill has' : 'skills have'} ${entriesText(needed)}`;
      results.set(enrolment.id, { status: done === focus.length ? 'met' : any ? 'in_progress' : 'not_started', reason });
    }
    return results;
  },
  link: () => ({ href: '/portfolio', text: 'Your portfolio' }),
};
