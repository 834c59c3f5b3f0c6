import type { PersonRecordSection } from '../../platform/module';
import { OPPORTUNITY_KINDS } from './careers.schemas';
import { listCompletedExperiences, listDoneItems } from './careers.queries';
import { formatDate } from '../../platform/dates';

/** "Have a go" experiences the poster verified, and development the person has done, on their staff record. */
export const experienceOnStaffRecord: PersonRecordSection = {
  order: 40,
  heading: { own: 'Your leadership experience', other: 'Leadership experience' },
  async lines(db, viewer, subject) {
    const [experiences, done] = await Promise.all([listCompletedExperiences(db, subject.id), listDoneItems(db, subject.id)]);
    const inOrganisation = viewer.organisationId === subject.organisationId;
    return [
      ...experiences
        .filter((e) => e.organisation_id === subject.organisationId)
        .map((e) => ({
          text: `${e.title} (${OPPORTUNITY_KINDS[e.kind]})`,
          href: inOrganisation ? `/careers/opportunities/${e.opportunity_id}` : null,
          status: `Verified on ${formatDate(e.completed_at)}`,
        })),
      ...done
        .filter((d) => d.organisation_id === subject.organisationId)
        .map((d) => ({ text: d.title, href: inOrganisation ? `/careers/directory/${d.id}` : null, status: 'Done' })),
    ];
  },
};
