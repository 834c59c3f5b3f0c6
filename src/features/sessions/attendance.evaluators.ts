import type { Evaluator, RequirementResult } from '../../platform/completion';
import { attendanceForEnrolments } from './attendance.service';

/**
 * "Attended at least N% of sessions": of the cohort's sessions that have ended and were not
 * cancelled, present and late count as attended. Met once every session has been held and the
 * share is at least N%; before that it is in progress (the share can still change).
 */
export const attendanceEvaluator: Evaluator = {
  kind: 'attendance',
  order: 60,
  title: 'Session attendance',
  description: 'The participant attends at least a set share of their cohort’s sessions. Present and late both count; cancelled sessions do not.',
  settings: [
    {
      name: 'percent',
      label: 'Minimum attendance',
      hint: 'The share of the cohort’s sessions each participant must attend.',
      min: 1,
      max: 100,
      default: 80,
      suffix: '%',
    },
  ],
  describe: (settings, _programme, reader) =>
    reader === 'participant'
      ? `Attend at least ${settings.percent ?? 80}% of your cohort’s sessions`
      : `The participant attends at least ${settings.percent ?? 80}% of the cohort’s sessions`,
  async evaluate(enrolments, settings, { db, now }) {
    const needed = settings.percent ?? 80;
    const summaries = await attendanceForEnrolments(
      db,
      now,
      enrolments.map((e) => ({ id: e.id, personId: e.personId, cohortId: e.cohortId })),
    );
    const results = new Map<string, RequirementResult>();
    for (const enrolment of enrolments) {
      const s = summaries.get(enrolment.id);
      if (!s || s.held === 0) {
        results.set(enrolment.id, { status: 'not_started', reason: s && s.upcoming > 0 ? 'No sessions held yet' : 'No sessions arranged yet' });
        continue;
      }
      const share = `Attended ${s.attended} of ${s.held} ${s.held === 1 ? 'session' : 'sessions'} (${s.percent}%)`;
      const enough = (s.percent ?? 0) >= needed;
      if (enough && s.upcoming === 0) results.set(enrolment.id, { status: 'met', reason: share });
      else if (s.upcoming > 0) results.set(enrolment.id, { status: 'in_progress', reason: `${share} so far; at least ${needed}% needed` });
      else results.set(enrolment.id, { status: 'in_progress', reason: `${share}; at least ${needed}% was needed` });
    }
    return results;
  },
};
