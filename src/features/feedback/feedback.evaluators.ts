import type { Evaluator, RequirementResult } from '../../platform/completion';
import { roundTotalsOfEnrolments } from './feedback.queries';
import { isClosed } from './feedback.service';

/**
 * "360 feedback with at least N respondents": met by a closed round of the enrolment with at least
 * N submitted answers (the participant's own rating is not one). Programme leads see this, never
 * the scores. A round counts as closed once its closing date has passed, even before the worker's sweep records it.
 */
export const feedback360Evaluator: Evaluator = {
  kind: 'feedback_360',
  order: 30,
  title: '360 feedback',
  description:
    'The participant runs a 360 feedback round on the programme’s focus skills, and it closes with at least the number of answers you set. You see that it is done and how many answered, not the scores, unless the participant shares the report.',
  settings: [
    { name: 'respondents', label: 'Answers needed', hint: 'Not counting the participant’s own rating. 8 is the usual advice.', min: 1, max: 50, default: 8 },
  ],
  describe: (settings, _programme, reader) =>
    `${reader === 'participant' ? 'Run' : 'The participant runs'} a 360 feedback round that closes with at least ${settings.respondents ?? 8} answers`,
  async evaluate(enrolments, settings, { db, now }) {
    const needed = settings.respondents ?? 8;
    const at = { now: () => now };
    const rows = await roundTotalsOfEnrolments(
      db,
      enrolments.map((e) => e.id),
    );
    const results = new Map<string, RequirementResult>();
    for (const enrolment of enrolments) {
      const rounds = rows.filter((r) => r.enrolment_id === enrolment.id);
      const closed = rounds.filter((r) => isClosed(r, at)).map((r) => Number(r.answered));
      const best = closed.length > 0 ? Math.max(...closed) : null;
      const noun = (n: number) => `${n} ${n === 1 ? 'answer' : 'answers'}`;
      if (best !== null && best >= needed) results.set(enrolment.id, { status: 'met', reason: `A round closed with ${noun(best)}` });
      else if (rounds.some((r) => !isClosed(r, at))) results.set(enrolment.id, { status: 'in_progress', reason: 'A feedback round is open' });
      else if (best !== null)
        results.set(enrolment.id, { status: 'in_progress', reason: `The last round closed with ${noun(best)}; ${noun(needed)} are needed` });
      else results.set(enrolment.id, { status: 'not_started', reason: 'No feedback round yet' });
    }
    return results;
  },
  link: () => ({ href: '/feedback', text: 'Run your 360 feedback' }),
};
