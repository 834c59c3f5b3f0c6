import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { everyRow, rowsNaming } from '../../../test/support/erasure';
import { makePerson, makeWorld } from '../../../test/support/factories';
import { features } from '../../features';
import { FixedClock } from '../../platform/db/clock';
import type { PersonalDataRegistry } from '../../platform/module';
import { dataSubjectOf, resumeErasures, runErasureJob, startErasure } from './subject-rights.service';

describeEachEngine('an erasure stopped part-way', (ctx) => {
  it('is left to resume with its finished steps recorded; the worker finishes it, leaving nothing of the person, and resuming again changes nothing', async () => {
    const db = ctx().db;
    const clock = new FixedClock();
    const world = await makeWorld(db);
    const person = await makePerson(db, {
      organisationId: world.organisation.id,
      givenName: 'Zainab',
      familyName: 'Haddadi',
      email: 'zainab.haddadi@example.org',
    });
    const row = await db.selectFrom('people').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();

    // One feature's step fails after doing its work (its transaction is rolled back), as a crash would.
    const real = features.personalData;
    const failing = real.erasureSteps[Math.floor(real.erasureSteps.length / 2)] as string;
    let fail = true;
    const registry: PersonalDataRegistry = {
      ...real,
      async eraseFeature(trx, feature, subject, context) {
        const said = await real.eraseFeature(trx, feature, subject, context);
        if (fail && feature === failing) throw new Error('The server stopped');
        return said;
      },
    };
    const deps = { config: ctx().config };
    const jobId = await startErasure(db, clock, dataSubjectOf(row), { requestedBy: world.orgAdmin.id, credentials: 'keep' });
    await expect(runErasureJob(db, clock, deps, registry, jobId)).rejects.toThrow('The server stopped');

    const stopped = await db.selectFrom('erasure_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(stopped.finished_at).toBeNull();
    expect(stopped.last_error).toBe('The server stopped');
    const done = JSON.parse(stopped.steps_done) as string[];
    expect(done).toEqual(real.erasureSteps.slice(0, real.erasureSteps.indexOf(failing)));
    expect(await db.selectFrom('people').select('id').where('id', '=', person.id).executeTakeFirst()).toBeDefined();

    fail = false;
    expect(await resumeErasures(db, clock, deps, registry)).toBe(1);
    const finished = await db.selectFrom('erasure_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(finished.finished_at).not.toBeNull();
    expect(finished.erasure_id).not.toBeNull();
    const after = await everyRow(db);
    expect(rowsNaming(after, { id: person.id, email: 'zainab.haddadi@example.org', name: 'Zainab Haddadi' })).toEqual([]);

    // Nothing is left to resume, and resuming changes nothing.
    expect(await resumeErasures(db, clock, deps, registry)).toBe(0);
    expect(await runErasureJob(db, clock, deps, registry, jobId)).toBe(finished.erasure_id);
    expect(await everyRow(db)).toEqual(after);
  });
});
