// What the build was made from: every file under src/ with its size and modification time, hashed.
// bin/waymark.js compares it with dist/build.json to decide whether dist/ still matches the sources.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A short hash of src/'s file list, sizes and modification times (a few milliseconds for ~500 files). */
export function sourceFingerprint(root) {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${relative(root, path)}\0${size}\0${Math.trunc(mtimeMs)}\n`);
      }
    }
  };
  walk(join(root, 'src'));
  for (const file of ['tsconfig.json', 'package.json']) {
    const { size, mtimeMs } = statSync(join(root, file));
    hash.update(`${file}\0${size}\0${Math.trunc(mtimeMs)}\n`);
  }
  return hash.digest('hex').slice(0, 32);
}
