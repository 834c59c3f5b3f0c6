/**
 * Import rules that keep Waymark's shape (docs/architecture.md). `npm test` runs them through
 * test/shape.test.ts; `npx depcruise src --config .dependency-cruiser.cjs` shows every break.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-feature',
      comment: 'The platform is the kernel every feature stands on: it imports no feature, not even a type, and not the app that composes them.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: ['^src/features/', '^src/(app|server|cli)\\.tsx?$'] },
    },
    {
      name: 'feature-through-its-public-entry',
      comment: "A feature reaches another only through that feature's index.ts (its public entry), never its files. Tests may reach anything.",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'module-only-from-the-list',
      comment: "A feature's module.ts (its routes and the rest) is composed only by src/features/index.ts.",
      severity: 'error',
      from: { pathNot: ['^src/features/index\\.ts$', '\\.test\\.tsx?$'] },
      to: { path: '^src/features/[^/]+/module\\.ts$' },
    },
    {
      name: 'no-circular-imports',
      comment: 'No file reaches itself through its imports, type-only imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'migrations-import-no-app-code',
      comment: 'A migration is frozen once landed, so it must not change when app code does.',
      severity: 'error',
      from: { path: '/migrations/' },
      to: { path: '^src/', pathNot: '/migrations/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/.*\\.md$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
