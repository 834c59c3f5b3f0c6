import type { Evaluator, RequirementResult } from '../../platform/completion';
import { formatDate } from '../../platform/dates';
import { STATUS_TEXT } from './projects.lifecycle';
import { listStatusesOfEnrolments } from './projects.queries';

/** "Project assessed as met": met once an assessor has judged every success criterion of the enrolment's project met; one query per cohort. */
export const projectAssessedEvaluator: Evaluator = {
  kind: 'project_assessed',
  order: 40,
  title: 'Project assessed as met',
  description: 'The participant plans and carries out a change project, submits a final report, and an assessor judges every success criterion met.',
  settings: [],
  describe: (_settings, _programme, reader) =>
    reader === 'participant' ? 'Carry out your project and have it assessed as met' : 'The participant’s project is assessed as met',
  async evaluate(enrolments, _settings, { db }) {
    const rows = await listStatusesOfEnrolments(
      db,
      enrolments.map((e) => e.id),
    );
    const byEnrolment = new Map(rows.map((r) => [r.enrolment_id, r]));
    const results = new Map<string, RequirementResult>();
    for (const enrolment of enrolments) {
      const row = byEnrolment.get(enrolment.id);
      if (!row) results.set(enrolment.id, { status: 'not_started', reason: 'No project yet' });
      else if (row.status === 'met') results.set(enrolment.id, { status: 'met', reason: `Assessed as met on ${formatDate(row.updated_at)}` });
      else results.set(enrolment.id, { status: 'in_progress', reason: STATUS_TEXT[row.status] });
    }
    return results;
  },
  link: (enrolmentId) => ({ href: `/projects/new?enrolment=${enrolmentId}`, text: 'Your project' }),
};
