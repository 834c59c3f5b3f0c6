import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditSummary } from './support/journey';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { expectFieldError, heading, pathOf, signInWithPassword } from './support/pages';

describeInBrowser('a change project with its impact, in a browser without JavaScript', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  // Emily Clarke (Teacher of Mathematics, Riverside Academy) plans a project of her own; her line
  // manager Sanjay Patel (Head of Mathematics) confirms it is part of her role. Both without
  // JavaScript; every page they load is checked by axe.
  const participant = 'e.clarke@riverside-academy.example.org';
  const lineManager = 's.patel@riverside-academy.example.org';
  const title = 'Fewer Year 8 pupils missing maths homework';

  it('Emily plans a project, her line manager confirms it, and she records a measure and an outcome and sees the chart and table', async () => {
    const emily = await h.journey({ javaScript: false, name: 'participant plans a project' });
    const { page } = emily;
    await signInWithPassword(emily, participant, DEMO_PASSWORD);
    await emily.goto('/projects');
    await emily.navigate(() => page.getByRole('button', { name: 'Plan a project of your own' }).click());
    expect(await heading(page)).toBe('Plan your project');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('The school priority it serves').fill('Homework completion is a department priority this year.');
    await page.getByLabel('Who it is for').fill('Year 8 pupils in the two lower sets');
    await page.getByLabel('Success criteria').fill('Homework handed in on time rises to 80%\nEvery missed homework is followed up within a week');
    await emily.navigate(() => page.getByRole('button', { name: 'Save project' }).click());
    expect(await heading(page)).toBe(title);
    expect(await page.getByText('Project saved. Your line manager has been asked to confirm it is part of your role.').count()).toBe(1);
    expect(await page.getByText('Planning', { exact: true }).count()).toBe(1);
    const projectPath = pathOf(page).split('?')[0] ?? '';
    // Until the line manager confirms, there is nothing to record outcomes against.
    expect(await page.getByRole('link', { name: /^Add an outcome/ }).count()).toBe(0);

    // Sanjay finds the project among those of the people he line manages, and confirms it.
    const sanjay = await h.journey({ javaScript: false, name: 'line manager confirms the project' });
    await signInWithPassword(sanjay, lineManager, DEMO_PASSWORD);
    await sanjay.goto('/projects');
    const ofReports = sanjay.page.getByRole('table', { name: 'Projects of people you line manage' });
    await sanjay.navigate(() => ofReports.getByRole('link', { name: title }).click());
    expect(await heading(sanjay.page)).toBe(`Emily Clarke: ${title}`);
    await sanjay.navigate(() => sanjay.page.getByRole('button', { name: 'Confirm it is part of Emily’s role' }).click());
    expect(await sanjay.page.getByText('Confirmed: the project has started').count()).toBe(1);
    expect(await sanjay.page.getByText('In progress', { exact: true }).count()).toBe(1);
    sanjay.finish();

    // Emily adds an impact measure: a target that is not a number is refused, then corrected.
    await emily.goto(projectPath);
    expect(await page.getByText('In progress', { exact: true }).count()).toBe(1);
    await emily.navigate(() => page.getByRole('button', { name: 'Add an impact measure' }).click());
    expect(await heading(page)).toBe('Add an impact measure');
    await page.getByLabel('What you will measure').fill('Homework handed in on time, Year 8 lower sets');
    await page.getByLabel('Unit').fill('%');
    await page.getByLabel('Baseline figure').fill('61.5');
    const baselineDate = page.getByRole('group', { name: 'Date of the baseline' });
    await baselineDate.getByLabel('Day').fill('1');
    await baselineDate.getByLabel('Month').fill('9');
    await baselineDate.getByLabel('Year').fill('2026');
    await page.getByLabel('Target figure').fill('eighty');
    await emily.navigate(() => page.getByRole('button', { name: 'Add measure' }).click());
    await expectFieldError(emily, 'target', 'The target must be a number, like 12');
    await page.getByLabel('Target figure').fill('80');
    await emily.navigate(() => page.getByRole('button', { name: 'Add measure' }).click());
    expect(pathOf(page)).toBe(`${projectPath}?done=measure`);
    expect(await page.getByText('Impact measure saved').count()).toBe(1);

    // And an outcome.
    await emily.navigate(() => page.getByRole('link', { name: 'Add an outcome for Homework handed in on time, Year 8 lower sets' }).click());
    expect(await heading(page)).toBe('Add an outcome: Homework handed in on time, Year 8 lower sets');
    const measured = page.getByRole('group', { name: 'When was it measured?' });
    await measured.getByLabel('Day').fill('6');
    await measured.getByLabel('Month').fill('11');
    await measured.getByLabel('Year').fill('2026');
    await page.getByLabel('Figure (%)').fill('72.4');
    await emily.navigate(() => page.getByRole('button', { name: 'Add outcome' }).click());
    expect(await page.getByText('Outcome added').count()).toBe(1);

    // The chart is an image with a name and a description; the table beside it gives the same figures.
    const chart = page.getByRole('img', { name: 'Homework handed in on time, Year 8 lower sets: baseline, target and outcomes' });
    expect(await chart.count()).toBe(1);
    expect(await chart.isVisible()).toBe(true);
    expect(await page.locator('svg desc').textContent()).toContain('Outcomes: 72.4% on 6 November 2026.');
    const table = page.getByRole('table', { name: 'Homework handed in on time, Year 8 lower sets (%)' });
    expect(await table.isVisible()).toBe(true);
    const rows = await table.getByRole('row').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['Date Figure', '1 September 2026 (baseline) 61.5%', '6 November 2026 72.4%', 'Target 80%']);
    emily.finish();
  });

  it('Emily plans another project, thinks better of it and discards it before her line manager confirms it', async () => {
    const emily = await h.journey({ javaScript: false, name: 'participant discards a draft project' });
    const { page } = emily;
    await signInWithPassword(emily, participant, DEMO_PASSWORD);
    await emily.goto('/projects/new');
    await page.getByLabel('Title').fill('Peer observation in the maths department');
    await page.getByLabel('The school priority it serves').fill('Teaching and learning.');
    await page.getByLabel('Who it is for').fill('The mathematics department');
    await page.getByLabel('Success criteria').fill('Every teacher observes a colleague each half term');
    await emily.navigate(() => page.getByRole('button', { name: 'Save project' }).click());
    await emily.navigate(() => page.getByRole('link', { name: 'Discard this project' }).click());
    expect(await heading(page)).toBe('Are you sure you want to discard your project?');
    // "Keep the project" goes back, and nothing changes.
    await emily.navigate(() => page.getByRole('link', { name: 'Keep the project' }).click());
    expect(await heading(page)).toBe('Peer observation in the maths department');
    await emily.navigate(() => page.getByRole('link', { name: 'Discard this project' }).click());
    await emily.navigate(() => page.getByRole('button', { name: 'Discard the project' }).click());
    expect(pathOf(page)).toBe('/projects?done=discarded');
    expect(await page.getByText('Project discarded').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Peer observation in the maths department' }).count()).toBe(0);
    emily.finish();
  });
});
