import type { PersonRecordSection } from '../../platform/module';
import { OPPORTUNITY_KINDS } from './careers.schemas';
import { listCompletedExperiences } from './careers.queries';
import { formatDate } from '../../platform/dates';

/** "Have a go" experiences the poster verified, on the person's staff record. */
export const experienceOnStaffRecord: PersonRecordSection = {
  order: 40,
  heading: { own: 'Your leadership experience', other: 'Leadership experience' },
  async lines(db, viewer, subject) {
    const experiences = await listCompletedExperiences(db, subject.id);
    return experiences
      .filter((e) => e.organisation_id === subject.organisationId)
      .map((e) => ({
        text: `${e.title} (${OPPORTUNITY_KINDS[e.kind]})`,
        href: viewer.organisationId === subject.organisationId ? `/careers/opportunities/${e.opportunity_id}` : null,
        status: `Verified on ${formatDate(e.completed_at)}`,
      }));
  },
};
