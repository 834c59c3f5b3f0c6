#!/usr/bin/env node
// Records the SHA-256 of every migration file not yet in test/guards/landed-migrations.json (a new
// migration, written on your branch). Landed migrations are never re-recorded: change one and the
// guard fails; write a new migration instead. Usage: node scripts/record-migration-hashes.js
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ledger = join(root, 'test/guards/landed-migrations.json');
const recorded = JSON.parse(readFileSync(ledger, 'utf8'));
const files = [
  ...readdirSync(join(root, 'src/platform/db/migrations'))
    .filter((n) => n.endsWith('.ts') && n !== 'index.ts')
    .map((n) => `src/platform/db/migrations/${n}`),
  ...readdirSync(join(root, 'src/features'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      try {
        return readdirSync(join(root, 'src/features', e.name, 'migrations'))
          .filter((n) => n.endsWith('.ts') && !n.includes('.test.'))
          .map((n) => `src/features/${e.name}/migrations/${n}`);
      } catch {
        return [];
      }
    }),
].sort();
const added = files.filter((file) => !(file in recorded));
for (const file of added)
  recorded[file] = createHash('sha256')
    .update(readFileSync(join(root, file)))
    .digest('hex');
writeFileSync(ledger, `${JSON.stringify(Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => (a < b ? -1 : 1))), null, 2)}\n`);
console.log(added.length ? `Recorded:\n  ${added.join('\n  ')}` : 'Every migration is already recorded.');
