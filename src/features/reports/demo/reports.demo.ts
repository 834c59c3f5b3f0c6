import type { DemoStep } from '../../../platform/module';

/**
 * The reports read what the other features' demo steps seed; this step adds nothing to the
 * database. It prints one more sign-in: a line manager whose team is on programmes (two of the head
 * of mathematics's department are), so My team shows progress and attendance.
 */
export const reportsDemo: DemoStep = {
  async seed(trx, _clock, context) {
    const id = context.ids.get('rMat');
    if (!id) return [];
    const person = await trx.selectFrom('people').select('email').where('id', '=', id).executeTakeFirst();
    return person ? [{ who: 'My team with people on programmes (head of mathematics)', email: person.email }] : [];
  },
};
