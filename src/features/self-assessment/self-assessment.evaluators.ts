import { formatDate } from '../../platform/dates';
import type { Evaluator, RequirementResult } from '../../platform/completion';
import { listCheckpointStatuses } from './self-assessment.queries';
import type { Checkpoint } from './self-assessment.tables';

/** "Baseline/final self-assessment done": met once the participant has submitted that checkpoint; one query per cohort. */
function checkpointEvaluator(kind: 'baseline_self_assessment' | 'final_self_assessment', checkpoint: Checkpoint, name: string, order: number): Evaluator {
  return {
    kind,
    order,
    title: `${name.charAt(0).toUpperCase()}${name.slice(1)} self-assessment done`,
    description: `The participant rates themselves against the programme’s focus skills at the ${name} checkpoint and submits it.`,
    settings: [],
    describe: (_settings, _programme, reader) =>
      reader === 'participant' ? `Complete and submit your ${name} self-assessment` : `The participant completes and submits their ${name} self-assessment`,
    async evaluate(enrolments, _settings, { db }) {
      const rows = await listCheckpointStatuses(
        db,
        enrolments.map((e) => e.id),
        checkpoint,
      );
      const byEnrolment = new Map(rows.map((r) => [r.enrolment_id, r]));
      const results = new Map<string, RequirementResult>();
      for (const enrolment of enrolments) {
        const row = byEnrolment.get(enrolment.id);
        if (row?.status === 'submitted') results.set(enrolment.id, { status: 'met', reason: `Submitted on ${formatDate(row.submitted_at)}` });
        else if (row) results.set(enrolment.id, { status: 'in_progress', reason: 'Started: saved but not submitted yet' });
        else results.set(enrolment.id, { status: 'not_started', reason: `No ${name} self-assessment yet` });
      }
      return results;
    },
    link: (enrolmentId) => ({ href: `/enrolments/${enrolmentId}/self-assessment/${checkpoint}`, text: `Your ${name} self-assessment` }),
  };
}

export const baselineSelfAssessmentEvaluator = checkpointEvaluator('baseline_self_assessment', 'baseline', 'baseline', 10);
export const finalSelfAssessmentEvaluator = checkpointEvaluator('final_self_assessment', 'final', 'final', 20);
