#!/usr/bin/env node
// Runs a TypeScript file (a benchmark or a script) with tsx: `node bin/run-ts.js bench/run.ts`.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const file = process.argv[2];
if (!file) {
  console.error('Usage: node bin/run-ts.js FILE.ts [args]');
  process.exit(1);
}
process.argv.splice(1, 1);
await import(pathToFileURL(resolve(file)).href);
