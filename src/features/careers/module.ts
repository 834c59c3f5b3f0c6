import { type Clock, HOUR } from '../../platform/db/clock';
import type { Db } from '../../platform/db/database';
import { eraseTables } from '../../platform/personal-data';
import type { FeatureModule } from '../../platform/module';
import { seedCareers } from './demo/careers.demo';
import { CAREERS_NOTIFICATIONS } from './careers.notifications';
import { eraseOf, exportOf } from './careers.queries';
import { experienceOnStaffRecord } from './careers.record';
import { careersRoutes } from './careers.routes';
import { sweepCareersReminders, sweepJobAlerts } from './careers.service';
import * as careers from './migrations/2026_12_04_0920_careers';
import * as careersDirectory from './migrations/2026_12_04_0935_careers_directory';
import * as careersVacancies from './migrations/2026_12_04_1000_careers_vacancies';
import * as careersJobAlerts from './migrations/2026_12_04_1230_careers_job_alerts';
import * as careersActionLinks from './migrations/2026_12_04_1300_careers_action_links';
import * as careersVacancyArea from './migrations/2026_12_05_1010_careers_vacancy_area';
import { importVacancies } from './careers.vacancies';

/** Careers: aspirations, career conversations with line managers, the role map, "have a go" opportunities and the development directory. */
const careersDoneBy = [
  { table: 'careers_conversations', column: 'manager_id' },
  { table: 'careers_conversations', column: 'recorded_by' },
  { table: 'careers_actions', column: 'owner_id' },
  { table: 'careers_opportunities', column: 'posted_by' },
  { table: 'careers_interests', column: 'decided_by' },
];

export const careersModule: FeatureModule = {
  name: 'careers',
  routes: [careersRoutes],
  navigation: [
    {
      href: '/careers',
      text: 'Career',
      order: 37,
      shownTo: 'signed-in',
      current: (path) => path.startsWith('/careers') || /^\/people\/[^/]+\/careers/.test(path),
    },
  ],
  personRecordSections: [experienceOnStaffRecord],
  notificationKinds: CAREERS_NOTIFICATIONS,
  sweeps: (config) => [
    { name: 'careers-reminders', everyMs: 6 * HOUR, run: (db, clock) => sweepCareersReminders(db, clock) },
    { name: 'careers-job-alerts', everyMs: 6 * HOUR, run: (db, clock) => sweepJobAlerts(db, clock) },
    // Leadership vacancies, from the feed the operator names; none when TEACHING_VACANCIES_URL is unset.
    ...(config.TEACHING_VACANCIES_URL
      ? [
          {
            name: 'careers-vacancies',
            everyMs: 6 * HOUR,
            run: async (db: Db, clock: Clock) => (await importVacancies(db, clock, { baseUrl: config.TEACHING_VACANCIES_URL as string })).imported,
          },
        ]
      : []),
  ],
  migrations: {
    '2026_12_04_0920_careers': careers,
    '2026_12_04_0935_careers_directory': careersDirectory,
    '2026_12_04_1000_careers_vacancies': careersVacancies,
    '2026_12_04_1230_careers_job_alerts': careersJobAlerts,
    '2026_12_04_1300_careers_action_links': careersActionLinks,
    '2026_12_05_1010_careers_vacancy_area': careersVacancyArea,
  },
  demo: { seed: seedCareers },
  personalData: {
    holds: [
      'Aspirations: the role a person would like, when, the barriers they feel (seen only by them; others see counts) and the support they would like, and whether their line manager may see it',
      'Career conversations between a person and their line manager: the date, what was discussed, the aspiration agreed, and who confirmed the record',
      'Next steps from career conversations: what, whose, when due and when done',
      'The postcode districts a person chose to see vacancies in, whether they want weekly job alerts and when the last one went',
      'Development directory items a person marked as interesting, being done or done',
      '"Have a go" opportunities a person posted, and the interest people expressed in them: their line, the decision and its reason, and the verification once done',
    ],
    export: async (db, subject) => ({ data: { careers: await exportOf(db, subject.id) }, files: [], withheld: [] }),
    erase: async (trx, subject, context) => {
      await eraseOf(trx, subject.id);
      // Conversations they held as someone's line manager, steps they owned, opportunities they posted and decisions they made stay, by a former member of staff.
      const done = await eraseTables(trx, { doneBy: careersDoneBy }, subject, context);
      return ['Deleted their aspiration, conversations, next steps, interests, marks and vacancy settings', ...done];
    },
  },
};
