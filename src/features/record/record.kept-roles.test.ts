import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld } from '../../../test/support/factories';
import { newId } from '../../platform/db/ids';
import { up as keepIncludedRoles } from './migrations/2026_12_07_2142_record_item_kept_role_backfill';

// Roles included in someone's record before records kept their own copy get one from the staff
// record's role history when the migration runs, so they too stay after the school's history goes.

describeEachEngine('roles already in a record get their kept copy', (ctx) => {
  it('copies each included role as the record showed it, telling apart two roles begun the same day', async () => {
    const db = ctx().db;
    const world = await makeWorld(db);
    const person = world.report.id;
    const role = (jobTitle: string, from: string, to: string | null, createdAt: string) => ({
      id: newId(),
      organisation_id: world.organisation.id,
      person_id: person,
      job_title: jobTitle,
      leadership_level: 'middle' as const,
      school_id: world.schoolA.id,
      started_on: from,
      ended_on: to,
      created_at: createdAt,
    });
    await db
      .insertInto('roles_held')
      .values([
        role('Head of Year 9', '2019-09-01', '2024-08-31', '2026-11-01T09:00:00.000Z'),
        role('Head of Year 10', '2024-09-01', '2024-09-01', '2026-11-01T09:00:00.000Z'),
        role('Head of English', '2024-09-01', null, '2026-11-02T09:00:00.000Z'),
      ])
      .execute();
    const item = (id: string) => ({ person_id: person, kind: 'role' as const, item_id: id, added_at: '2026-11-03T09:00:00.000Z', kept: null });
    await db
      .insertInto('record_items')
      .values([item(`${person}_2019-09-01`), item(`${person}_2024-09-01`), item(`${person}_2024-09-01_2`), item(`${person}_2010-01-01`)])
      .execute();

    await keepIncludedRoles(db as unknown as Kysely<unknown>);

    const kept = new Map(
      (await db.selectFrom('record_items').select(['item_id', 'kept']).where('person_id', '=', person).execute()).map((r) => [
        r.item_id,
        r.kept ? (JSON.parse(r.kept) as object) : null,
      ]),
    );
    expect(kept.get(`${person}_2019-09-01`)).toEqual({
      jobTitle: 'Head of Year 9',
      leadershipLevel: 'Middle leader',
      school: world.schoolA.name,
      organisation: world.organisation.name,
      from: '2019-09-01',
      to: '2024-08-31',
      broughtFrom: null,
    });
    // Newest first on the same day, as the record lists them: the later-recorded role is the first.
    expect(kept.get(`${person}_2024-09-01`)).toMatchObject({ jobTitle: 'Head of English', to: null });
    expect(kept.get(`${person}_2024-09-01_2`)).toMatchObject({ jobTitle: 'Head of Year 10', to: '2024-09-01' });
    // A role the history no longer has is left without a copy.
    expect(kept.get(`${person}_2010-01-01`)).toBeNull();
  });
});
