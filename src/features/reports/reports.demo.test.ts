import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { visibleText } from '../../../test/support/http';
import { FixedClock } from '../../platform/db/clock';
import { DEMO_PASSWORD, seedDemo } from '../../platform/demo';
import { features } from '../index';

describeEachEngine('the demo’s history: past cohorts, roles held and the reports that look back', (ctx) => {
  it('shows people moving on between stages by year, past cohorts’ rates and withdrawals, role changes after each stage, and Hannah Jones’s roles held on her leadership record', async () => {
    // 24 November 2026: the academic year 2026 to 2027, so the past cohorts are in the three years before.
    await seedDemo(ctx().db, new FixedClock(), features.demoSteps);
    const lead = ctx().client({ address: '10.45.0.1' });
    expect((await lead.post('/sign-in', { email: 'marcus.bell@riverside-trust.example.org', password: DEMO_PASSWORD })).status).toBe(303);

    const reports = visibleText((await lead.get('/reports')).text);
    // Seven of 2023 to 2024's completers of the first stage, and five of 2024 to 2025's, enrolled on the second.
    expect(reports).toContain('From stage to next stage 2023 to 2024 2024 to 2025 2025 to 2026 All years');
    expect(reports).toContain('Towards Middle Leadership to Towards Senior Leadership 7 5 0 12');
    expect(reports).toContain('Towards Senior Leadership to Towards Headship 0 0 0 0');
    // The past cohorts' applications, acceptance and completion (their declined applications deleted after six months, as retention does).
    expect(reports).toContain('Towards Middle Leadership, Cohort 4 23 September 2024 8 8 100 8 7 88');
    expect(reports).toContain('Towards Senior Leadership, Cohort 2 16 September 2024 7 7 100 7 6 86');
    expect(reports).toContain('Towards Senior Leadership, Cohort 3 15 September 2025 6 6 100 6 5 83');
    // Withdrawals with their reasons.
    expect(reports).toContain('Towards Middle Leadership Caring for a family member this year; hopes to join a later cohort 1');
    expect(reports).toContain('Towards Senior Leadership Parental leave from January; will rejoin a later cohort 1');

    const progression = visibleText((await lead.get('/reports/progression')).text);
    // Of the fourteen who completed the first stage a year ago or more, ten changed role within a year (nine
    // promoted); of the seven two years ago or more, six within two years.
    expect(progression).toContain('Towards Middle Leadership 19 14 10 71 9 64 7 6 86 6 86');
    // Of the eight who completed the second stage a year ago or more, five changed role within a year; the
    // rest are too few to show.
    expect(progression).toContain('Towards Senior Leadership 13 8 5 63 c c c c c c c');

    // Tom Walsh, who completed both stages, sees his roles held on his own staff record.
    const tom = await ctx()
      .db.selectFrom('people')
      .select('id')
      .where('email_normalised', '=', 't.walsh@riverside-academy.example.org')
      .executeTakeFirstOrThrow();
    const own = ctx().client({ address: '10.45.0.2' });
    expect((await own.post('/sign-in', { email: 't.walsh@riverside-academy.example.org', password: DEMO_PASSWORD })).status).toBe(303);
    const staffRecord = visibleText((await own.get(`/staff/${tom.id}`)).text);
    expect(staffRecord).toContain('The jobs you have held');
    expect(staffRecord).toMatch(
      /Head of English Middle leader Riverside Academy .* Now Second in English Middle leader Riverside Academy .* Teacher of English Not in a leadership role Riverside Academy/,
    );

    // Hannah Jones's leadership record lists the roles she has held, with their dates.
    const hannah = ctx().client({ address: '10.45.0.3' });
    expect((await hannah.post('/sign-in', { email: 'h.jones@riverside-academy.example.org', password: DEMO_PASSWORD })).status).toBe(303);
    const leadershipRecord = visibleText((await hannah.get('/record')).text);
    expect(leadershipRecord).toContain('You have been Second in Mathematics at Riverside Academy since 1 September 2024.');
    expect(leadershipRecord).toContain('You were Key Stage 3 Mathematics Coordinator at Riverside Academy from 1 September 2022 to 1 September 2024.');
    expect(leadershipRecord).toContain('You were Teacher of Mathematics at Riverside Academy from 1 September 2019 to 1 September 2022.');
  });
});
