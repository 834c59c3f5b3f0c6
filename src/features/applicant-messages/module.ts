import type { FeatureModule } from '../../platform/module';
import { tablePersonalData } from '../../platform/personal-data';
import { applicantMessageRoutes } from './applicant-messages.routes';
import * as applicantMessages from './migrations/2026_12_04_1345_applicant_messages';

/** Messages to all applicants of an application round at once ("further communication in six to eight weeks"), through the outbox. */
export const applicantMessagesModule: FeatureModule = {
  name: 'applicant-messages',
  routes: [applicantMessageRoutes],
  migrations: { '2026_12_04_1345_applicant_messages': applicantMessages },
  personalData: {
    holds: [
      'Messages sent to the applicants of a round: the text, to which statuses, how many people, who sent it and when (the emails go through the outbox)',
    ],
    // A message belongs to the round; its sender erased becomes "a former member of staff".
    ...tablePersonalData({ doneBy: [{ table: 'applicant_messages', column: 'sent_by' }] }),
  },
};
