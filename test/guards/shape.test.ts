import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { featureModules } from '../../src/features';

// The shape of the code (docs/architecture.md): the import rules in .dependency-cruiser.cjs, no
// feature depending on itself through others, and every feature composed from one list.

const root = join(import.meta.dirname, '../..');
const features = join(root, 'src/features');

interface CruiseResult {
  modules: { source: string; dependencies: { resolved: string; dependencyTypes: string[] }[] }[];
  summary: { violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[] };
}

/** Runs dependency-cruiser over src/ with the project's rules (about 3 seconds). */
async function cruise(): Promise<CruiseResult> {
  const bin = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [bin, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', '--no-progress'],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => {
    // dependency-cruiser exits non-zero when a rule is broken; the JSON is still on stdout.
    if (error.stdout) return { stdout: error.stdout };
    throw error;
  });
  return JSON.parse(stdout) as CruiseResult;
}

const featureOf = (path: string) => /^src\/features\/([^/]+)\//.exec(path)?.[1];

/** Feature → the features it imports (any import, types included), from everything but tests. */
function featureGraph(result: CruiseResult): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const module of result.modules) {
    const from = featureOf(module.source);
    if (!from || /\.test\.tsx?$/.test(module.source)) continue;
    for (const dependency of module.dependencies) {
      const to = featureOf(dependency.resolved);
      if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Every cycle through the graph, each once, as "a → b → a". */
function cyclesOf(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const walk = (start: string, at: string, path: string[]) => {
    for (const next of graph.get(at) ?? []) {
      if (next === start) {
        // Report each cycle once, starting from its alphabetically first feature.
        const first = path.indexOf([...path].sort()[0] as string);
        const rotated = [...path.slice(first), ...path.slice(0, first)];
        found.add([...rotated, rotated[0]].join(' → '));
      } else if (!path.includes(next) && next > start) walk(start, next, [...path, next]);
    }
  };
  for (const start of graph.keys()) walk(start, start, [start]);
  return [...found].sort();
}

// dependency-cruiser runs as its own process: about 3 seconds when idle, far longer on a busy two-core machine.
describe('the shape of the code', { timeout: 180_000 }, () => {
  let result: CruiseResult;
  const cruised = async () => (result ??= await cruise());

  it('keeps the import rules: the platform imports no feature, features meet only through their public entry, no circular imports', async () => {
    const broken = (await cruised()).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(' → ') : v.to}`);
    expect(broken, 'run `npx depcruise src --config .dependency-cruiser.cjs` for details').toEqual([]);
  });

  it('has features that depend on each other one way only', async () => {
    expect(cyclesOf(featureGraph(await cruised())), 'features that reach themselves through other features').toEqual([]);
  });

  it('composes every feature folder from the one list, each with its module', () => {
    const folders = readdirSync(features, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(
      folders.filter((folder) => !existsSync(join(features, folder, 'module.ts'))),
      'feature folders without a module.ts',
    ).toEqual([]);
    expect(featureModules.map((module) => module.name).sort(), 'module names are their folder names, and every folder is in src/features/index.ts').toEqual(
      folders,
    );
  });

  it('leaves the app, the server and the command line free of feature routes and registrations', () => {
    for (const file of ['src/app.tsx', 'src/server.ts']) {
      const imports = [...readFileSync(join(root, file), 'utf8').matchAll(/from '(\.\/features[^']*)'/g)].map((m) => m[1]);
      expect(imports, `${file} takes features only from the list`).toEqual(['./features']);
    }
  });
});
