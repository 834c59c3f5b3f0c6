#!/usr/bin/env node
// Runs Waymark: the compiled dist/waymark.js when it was built from the sources as they are now
// (`npm install` builds it; `npm run build` rebuilds), otherwise the TypeScript sources through tsx,
// so an edited source is never hidden behind an old build. WAYMARK_FROM_SOURCE=1 always uses tsx.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/waymark.js');

async function builtIsCurrent() {
  if (process.env.WAYMARK_FROM_SOURCE === '1' || !existsSync(built)) return false;
  // Installed without its sources (a release with dist/ only): the build is all there is.
  if (!existsSync(join(root, 'src'))) return true;
  try {
    const { sources } = JSON.parse(readFileSync(join(root, 'dist/build.json'), 'utf8'));
    const { sourceFingerprint } = await import('../scripts/source-fingerprint.js');
    return sources === sourceFingerprint(root);
  } catch {
    return false;
  }
}

if (await builtIsCurrent()) {
  await import('../dist/waymark.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
