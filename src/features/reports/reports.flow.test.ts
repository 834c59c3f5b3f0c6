import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn } from '../../../test/support/factories';
import { visibleText } from '../../../test/support/http';
import { makeCohort, makeEnrolment, makeProgramme, makeProgrammeWorld } from '../../../test/support/programme-world';
import { academicYearOf, countMoves } from './reports.flow';

describe('the pipeline’s flow between stages', () => {
  it('puts a moment in the academic year from 1 September, in London', () => {
    expect(academicYearOf('2026-08-31T22:59:00.000Z')).toBe(2025);
    expect(academicYearOf('2026-08-31T23:00:00.000Z')).toBe(2026);
  });

  it('counts a person who completed a stage and then enrolled on the next, in the year they completed it', () => {
    const stages = [
      { pathway_id: 'p', pathway_title: 'Ladder', stage_position: 1, title: 'Middle' },
      { pathway_id: 'p', pathway_title: 'Ladder', stage_position: 2, title: 'Senior' },
      { pathway_id: 'p', pathway_title: 'Ladder', stage_position: 3, title: 'Headship' },
    ];
    const completed = [
      { person_id: 'a', pathway_id: 'p', stage_position: 1, completed_at: '2025-07-10T12:00:00Z' },
      { person_id: 'b', pathway_id: 'p', stage_position: 1, completed_at: '2025-07-10T12:00:00Z' },
      { person_id: 'c', pathway_id: 'p', stage_position: 1, completed_at: '2026-07-10T12:00:00Z' },
    ];
    const enrolled = [
      { person_id: 'a', pathway_id: 'p', stage_position: 2, created_at: '2027-01-10T12:00:00Z' }, // two years later: still moved on
      { person_id: 'b', pathway_id: 'p', stage_position: 2, created_at: '2023-01-10T12:00:00Z' }, // before completing: not a move
      { person_id: 'c', pathway_id: 'p', stage_position: 2, created_at: '2026-08-01T12:00:00Z' },
    ];
    const { rows, years } = countMoves(stages, completed, enrolled);
    expect(years).toEqual([2024, 2025]);
    expect(rows.map((r) => [r.label, r.counts.get(2024) ?? 0, r.counts.get(2025) ?? 0])).toEqual([['Middle to Senior', 1, 1]]);
  });
});

describeEachEngine('the pipeline report’s flow between stages', (ctx) => {
  it('shows the moves on the pipeline report with small numbers hidden, and downloads the same table', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    const programmes = await makeProgrammeWorld(db, world);
    const next = await makeProgramme(db, {
      organisationId: world.organisation.id,
      title: 'Towards Senior Leadership',
      pathwayId: programmes.pathwayId,
      stagePosition: 2,
      frameworkVersionId: programmes.publishedVersionId,
      delivery: 'modular',
      modulesRequired: 1,
      modules: ['Strategy'],
      requirements: [{ kind: 'modules' }],
    });
    const nextCohort = await makeCohort(db, { organisationId: world.organisation.id, programmeId: next.id, name: 'Senior 1' });
    // Ravi completed stage 1 in the summer of 2026 (academic year 2025 to 2026) and then enrolled on stage 2.
    await db
      .updateTable('enrolments')
      .set({ status: 'completed', completed_at: '2026-07-10T12:00:00.000Z' })
      .where('id', '=', programmes.enrolmentId)
      .execute();
    await makeEnrolment(db, { organisationId: world.organisation.id, cohortId: nextCohort.id, programmeId: next.id, personId: world.report.id });

    const lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    const page = await lead.get('/reports');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Moving on to the next stage');
    // One person moved: fewer than the threshold (5), so hidden as c.
    expect(text).toMatch(/Towards Middle Leadership \S+ to Towards Senior Leadership c c/);
    expect(page.text).toContain('aria-labelledby="flow-chart-title"');
    expect(page.text).toContain('href="/reports/pipeline-flow/export.csv"');

    const file = await lead.get('/reports/pipeline-flow/export.csv');
    expect(file.status).toBe(200);
    const rows = parse(file.text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['From stage to next stage', '2025 to 2026', 'All years']);
    expect(rows[1]?.slice(1)).toEqual(['c', 'c']);
    expect(rows[2]).toEqual(['All moves', 'c', 'c']);

    // The filters choose the stage completed: nobody has completed the senior programme.
    const other = await lead.get(`/reports/pipeline-flow/export.csv?programme=${next.id}`);
    expect((parse(other.text, { bom: true }) as string[][]).length).toBe(1);

    const teacher = ctx().client();
    await signIn(teacher, world.staff.email);
    expect((await teacher.get('/reports/pipeline-flow/export.csv')).status).toBe(403);
  });
});
