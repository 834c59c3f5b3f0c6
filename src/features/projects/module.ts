import type { FeatureModule } from '../../platform/module';
import { seedProjects } from './demo/projects.demo';
import * as projectsTables from './migrations/2026_12_04_0438_projects';
import { projectAssessedEvaluator } from './projects.evaluators';
import { PROJECT_NOTIFICATIONS } from './projects.notifications';
import { projectRoutes } from './projects.routes';
import { projectsPersonalData } from './projects.personal-data';

/** Work-based and whole-school change projects: the plan, impact measures and outcomes, milestones, updates, and assessment. */
export const projectsModule: FeatureModule = {
  name: 'projects',
  routes: [projectRoutes],
  navigation: [{ href: '/projects', text: 'Projects', order: 45, shownTo: 'signed-in', current: (path) => path.startsWith('/projects') }],
  evaluators: [projectAssessedEvaluator],
  notificationKinds: PROJECT_NOTIFICATIONS,
  demo: { seed: seedProjects },
  migrations: { '2026_12_04_0438_projects': projectsTables },
  personalData: {
    holds: [
      'Projects: the plan, impact measures with aggregate figures (never about one pupil), milestones, updates with reflections, comments, final reports and their assessments',
    ],
    ...projectsPersonalData,
  },
};
