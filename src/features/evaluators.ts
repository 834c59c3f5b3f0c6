import { modulesEvaluator, signOffEvaluator } from './enrolments/enrolments.evaluators';
import { createCompletionEngine, type CompletionEngine } from './programmes/completion';
import type { Clock } from '../platform/db/clock';
import { attendanceEvaluator } from './sessions/attendance.evaluators';
import { feedback360Evaluator } from './feedback';
import { baselineSelfAssessmentEvaluator, finalSelfAssessmentEvaluator } from './self-assessment/self-assessment.evaluators';

/**
 * Every component Waymark can require of a programme, one evaluator each. A feature that adds a
 * component (self-assessment, 360 feedback, mentoring, projects, attendance, portfolio) adds its
 * evaluator here; only these kinds can be chosen as requirements.
 */
export function completionEngine(clock: Clock): CompletionEngine {
  return createCompletionEngine([baselineSelfAssessmentEvaluator, finalSelfAssessmentEvaluator, feedback360Evaluator, attendanceEvaluator, modulesEvaluator, signOffEvaluator], clock);
}
