import { type OwnRows, tablePersonalData } from '../../platform/personal-data';

const projects = { table: 'projects', column: 'person_id' };
const ofProject = (table: string, label: string): OwnRows => ({ table, column: 'project_id', in: projects, label });
const submissions = { table: 'project_submissions', column: 'project_id', in: projects };
const measures = { table: 'project_measures', column: 'project_id', in: projects };

/** Projects are the participant's, with everything in them; comments and assessments they gave on others' say a former member of staff. */
export const projectsPersonalData = tablePersonalData({
  own: [
    { table: 'project_judgements', column: 'submission_id', in: submissions, label: 'judgements on your final reports' },
    { ...submissions, label: 'final reports' },
    { table: 'project_outcomes', column: 'measure_id', in: measures, label: 'measured outcomes' },
    { ...measures, label: 'impact measures' },
    ofProject('project_milestones', 'milestones'),
    ofProject('project_notes', 'updates and comments'),
    ofProject('project_skills', 'skills'),
    ofProject('project_criteria', 'success criteria'),
    { ...projects, label: 'projects' },
  ],
  doneBy: [
    { table: 'projects', column: 'assessor_id' },
    { table: 'projects', column: 'role_confirmed_by' },
    { table: 'project_notes', column: 'author_id' },
    { table: 'project_submissions', column: 'assessed_by' },
  ],
});
