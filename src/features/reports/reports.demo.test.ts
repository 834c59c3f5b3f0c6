import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { visibleText } from '../../../test/support/http';
import { FixedClock } from '../../platform/db/clock';
import { DEMO_PASSWORD, seedDemo } from '../../platform/demo';
import { features } from '../index';

describeEachEngine('the demo’s roles held and progression report', (ctx) => {
  it('shows role changes after Towards Middle Leadership and hides the few after Towards Senior Leadership', async () => {
    await seedDemo(ctx().db, new FixedClock(), features.demoSteps);
    const lead = ctx().client({ address: '10.45.0.1' });
    expect((await lead.post('/sign-in', { email: 'marcus.bell@riverside-trust.example.org', password: DEMO_PASSWORD })).status).toBe(303);
    const page = visibleText((await lead.get('/reports/progression')).text);
    // Seven completed Cohort 3 long enough ago: five were promoted within a year, six changed role within two.
    expect(page).toMatch(/Towards Middle Leadership \d+ 7 5 71 5 71 7 6 86 6 86/);
    expect(page).toMatch(/Towards Senior Leadership c c c c c c c c c c c/);
    // Tom Walsh, one of them, sees his roles held on his own staff record.
    const tom = await ctx()
      .db.selectFrom('people')
      .select('id')
      .where('email_normalised', '=', 't.walsh@riverside-academy.example.org')
      .executeTakeFirstOrThrow();
    const own = ctx().client({ address: '10.45.0.2' });
    expect((await own.post('/sign-in', { email: 't.walsh@riverside-academy.example.org', password: DEMO_PASSWORD })).status).toBe(303);
    const record = visibleText((await own.get(`/staff/${tom.id}`)).text);
    expect(record).toContain('The jobs you have held');
    expect(record).toMatch(/Head of English Middle leader Riverside Academy .* Now Teacher of English Not in a leadership role Riverside Academy/);
  });
});
