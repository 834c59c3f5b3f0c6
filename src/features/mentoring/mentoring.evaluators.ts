import { formatDate } from '../../platform/dates';
import type { Evaluator, RequirementResult } from '../../platform/completion';
import { countConfirmedMeetings, listSignOffs } from './mentoring.queries';

/** "At least N mentoring meetings confirmed": meetings either of the pair added and the other confirmed. */
export const mentoringMeetingsEvaluator: Evaluator = {
  kind: 'mentoring_meetings',
  order: 40,
  title: 'Mentoring meetings',
  description: 'The participant meets their mentor or coach a number of times; each meeting counts once the other person confirms it happened.',
  settings: [{ name: 'meetings', label: 'How many confirmed meetings', min: 1, max: 50, default: 6 }],
  describe: (settings, _programme, reader) =>
    reader === 'participant'
      ? `Meet your mentor or coach at least ${settings.meetings} times`
      : `The participant meets their mentor or coach at least ${settings.meetings} times`,
  async evaluate(enrolments, settings, { db }) {
    const counts = await countConfirmedMeetings(
      db,
      enrolments.map((e) => e.id),
    );
    const needed = settings.meetings ?? 6;
    const results = new Map<string, RequirementResult>();
    for (const e of enrolments) {
      const n = counts.get(e.id) ?? 0;
      const reason = `${n} of ${needed} mentoring ${needed === 1 ? 'meeting' : 'meetings'} confirmed`;
      results.set(e.id, { status: n >= needed ? 'met' : n > 0 ? 'in_progress' : 'not_started', reason });
    }
    return results;
  },
  link: () => ({ href: '/mentoring', text: 'Your mentoring' }),
};

/** "Mentor or coach sign-off": met once a mentor or coach for the enrolment signs off. */
export const mentoringSignOffEvaluator: Evaluator = {
  kind: 'mentoring_signoff',
  order: 41,
  title: 'Mentor or coach sign-off',
  description: 'The participant’s mentor or coach signs off that the mentoring is complete.',
  settings: [],
  describe: (_settings, _programme, reader) =>
    reader === 'participant' ? 'Your mentor or coach signs off your mentoring' : 'The participant’s mentor or coach signs off their mentoring',
  async evaluate(enrolments, _settings, { db }) {
    const rows = await listSignOffs(
      db,
      enrolments.map((e) => e.id),
    );
    const results = new Map<string, RequirementResult>();
    for (const e of enrolments) {
      const row = rows.find((r) => r.enrolment_id === e.id);
      results.set(
        e.id,
        row
          ? { status: 'met', reason: `Signed off by ${row.given_name} ${row.family_name} on ${formatDate(row.signed_off_at)}` }
          : { status: 'not_started', reason: 'Not signed off yet' },
      );
    }
    return results;
  },
  link: () => ({ href: '/mentoring', text: 'Your mentoring' }),
};
