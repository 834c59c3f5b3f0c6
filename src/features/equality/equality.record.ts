import type { PersonRecordSection } from '../../platform/module';
import { findAnswers } from './equality.queries';

/** On your own staff record only: a link to your equality information. Nobody else learns whether you gave any. */
export const equalityOnStaffRecord: PersonRecordSection = {
  order: 90,
  heading: { own: 'Your equality information', other: 'Equality information' },
  async lines(db, viewer, subject) {
    if (subject.id !== viewer.id) return [];
    const given = await findAnswers(db, viewer.id);
    return [
      {
        text: given ? 'Change or remove your equality information (only you can see it)' : 'Tell us about yourself, if you wish (only you can see it)',
        href: '/equality',
        status: null,
      },
    ];
  },
};
