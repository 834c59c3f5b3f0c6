import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { features } from '../../src/features';
import landed from './landed-migrations.json' with { type: 'json' };

// A migration that has landed has already run on someone's database: changing it changes nothing
// there, and leaves their schema different from a new install's. So landed migrations are frozen:
// this file holds the SHA-256 of each one. A new migration is added here when it is written (and
// its hash updated while it is still only on your branch); once it has landed, never. To change
// the schema, write a new migration.

const root = join(import.meta.dirname, '../..');
const hashOf = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(root, file)))
    .digest('hex');

/** Every migration file: the platform's first ones and each feature's `migrations/` folder. */
function migrationFiles(): string[] {
  const platform = readdirSync(join(root, 'src/platform/db/migrations'))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => `src/platform/db/migrations/${name}`);
  const perFeature = readdirSync(join(root, 'src/features'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      try {
        return readdirSync(join(root, 'src/features', entry.name, 'migrations'))
          .filter((name) => name.endsWith('.ts') && !name.includes('.test.'))
          .map((name) => `src/features/${entry.name}/migrations/${name}`);
      } catch {
        return [];
      }
    });
  return [...platform, ...perFeature].sort();
}

const name = (file: string) => file.replace(/^.*\//, '').replace(/\.ts$/, '');

describe('migrations', () => {
  const recorded = landed as Record<string, string>;

  it('that have landed are never edited', () => {
    const changed = Object.keys(recorded).filter((file) => {
      try {
        return hashOf(file) !== recorded[file];
      } catch {
        return true; // deleted
      }
    });
    expect(changed, 'landed migrations that were changed or deleted: put them back and write a new migration instead').toEqual([]);
  });

  it('each have their hash recorded in test/guards/landed-migrations.json', () => {
    expect(
      migrationFiles().filter((file) => !(file in recorded)),
      'new migrations: record them with `node scripts/record-migration-hashes.js`',
    ).toEqual([]);
  });

  it('each run: every file is in the composed list, named YYYY_MM_DD_HHMM_what', () => {
    const composed = Object.keys(features.migrations);
    expect(
      migrationFiles()
        .map(name)
        .filter((migration) => !composed.includes(migration)),
      'migration files no module lists',
    ).toEqual([]);
    expect(composed.filter((migration) => !/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/.test(migration))).toEqual([]);
  });
});
