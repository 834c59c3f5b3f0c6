import type { PersonalDataHook } from '../../platform/module';
import { eraseTables, exportTables, type OwnRows, type PersonalTables } from '../../platform/personal-data';

// Pairings where they are the one supported are theirs, with everything in them; where they
// mentored or coached, the pairing is the mentee's and keeps "a former mentor".
const mentee = { table: 'mentoring_pairings', column: 'mentee_id' };
const meetings = { table: 'mentoring_meetings', column: 'pairing_id', in: mentee };
const ofPairing = (table: string, label: string): OwnRows => ({ table, column: 'pairing_id', in: mentee, label });
const tables: PersonalTables = {
  own: [
    { table: 'mentoring_private_notes', column: 'meeting_id', in: meetings, label: 'private notes in your mentoring' },
    ofPairing('mentoring_actions', 'actions'),
    ofPairing('mentoring_reviews', 'reviews'),
    { ...meetings, label: 'meetings' },
    ofPairing('mentoring_agreements', 'agreements'),
    { ...mentee, label: 'pairings where you are supported' },
    { table: 'mentoring_private_notes', column: 'author_id', label: 'your private meeting notes' },
    { table: 'mentoring_profiles', column: 'person_id', label: 'your mentoring profile' },
  ],
  doneBy: [
    { table: 'mentoring_pairings', column: 'mentor_id' },
    { table: 'mentoring_pairings', column: 'assigned_by' },
    { table: 'mentoring_pairings', column: 'ended_by' },
    { table: 'mentoring_agreements', column: 'proposed_by' },
    { table: 'mentoring_meetings', column: 'added_by' },
    { table: 'mentoring_meetings', column: 'confirmed_by' },
    { table: 'mentoring_actions', column: 'owner_id' },
    { table: 'mentoring_reviews', column: 'author_id' },
  ],
};

/** Mentoring: the person's own pairings in full except other people's private notes; their part in others' pairings reads "a former mentor" once erased. */
export const mentoringPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  async export(db, subject) {
    const part = await exportTables(db, tables, subject);
    const key = 'private notes in your mentoring';
    const notes = (part.data[key] ?? []) as { author_id: string }[];
    const others = notes.filter((n) => n.author_id !== subject.id).length;
    if (others > 0)
      part.withheld.push(
        `${others} private meeting note${others === 1 ? '' : 's'} written by your mentor or coach: private notes are only ever their author’s`,
      );
    // Their own notes are exported under "your private notes as a mentor" (by author), whichever side they were on.
    delete part.data[key];
    return part;
  },
  erase: (trx, subject, context) => eraseTables(trx, tables, subject, context),
};
