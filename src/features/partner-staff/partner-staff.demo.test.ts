import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { visibleText } from '../../../test/support/http';
import { FixedClock } from '../../platform/db/clock';
import { DEMO_PASSWORD, seedDemo } from '../../platform/demo';
import { features } from '../index';

describeEachEngine('the demo shows partner organisations and public tasters', (ctx) => {
  it('Fenland’s admin sees its staff on the trust’s programmes, and the public taster list shows the trust’s taster', async () => {
    await seedDemo(ctx().db, new FixedClock(), features.demoSteps);
    const admin = ctx().client({ address: '10.44.0.1' });
    expect((await admin.post('/sign-in', { email: 'owen.bright@fenland-partnership.example.org', password: DEMO_PASSWORD })).status).toBe(303);
    const page = visibleText((await admin.get('/organisation/staff-on-partner-programmes')).text);
    expect(page).toContain('Amira Patel March Primary School Towards Middle Leadership');
    expect(page).toContain('Awaiting endorsement');
    expect(page).toContain('Completed');
    expect(page).toContain('Tom Reed');
    const tasters = visibleText((await ctx().client({ address: '10.44.0.2' }).get('/tasters')).text);
    expect(tasters).toContain('Towards Middle Leadership: taster session');
  });
});
