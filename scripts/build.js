#!/usr/bin/env node
// `npm run build` (also run by `npm install` and `npm ci`, as `prepare`): compiles Waymark once into
// dist/ — one JavaScript file for the server and the command line, the stylesheet compiled, the
// browser assets copied — so that a server runs without compiling TypeScript or Sass as it starts.
// bin/waymark.js runs dist/ while it matches the sources (see scripts/source-fingerprint.js) and the
// TypeScript sources through tsx otherwise, so an edit is never hidden behind an old build.
//
//   node scripts/build.js [--out DIR]    (default dist/)
//   node scripts/build.js --out DIR --jsx-runtime FILE
//                                        the benchmark's nothing-rendered build: FILE in place of the JSX runtime
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sourceFingerprint } from './source-fingerprint.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const out = outIndex >= 0 ? resolve(process.argv[outIndex + 1] ?? '') : join(root, 'dist');
const runtimeIndex = process.argv.indexOf('--jsx-runtime');
const jsxRuntime = runtimeIndex >= 0 ? resolve(process.argv[runtimeIndex + 1] ?? '') : undefined;
if (jsxRuntime && out === join(root, 'dist')) {
  console.error('waymark build: --jsx-runtime builds a benchmark variant; give it its own --out folder, not dist/.');
  process.exit(2);
}

// Installed without its sources (a container's dependency layer, say): nothing to build yet.
if (!existsSync(join(root, 'src/cli.ts'))) {
  console.log('waymark build: no src/ here, nothing built.');
  process.exit(0);
}

/** Packages left in node_modules, by name or scope. Everything else the server imports is bundled. */
const EXTERNAL = [
  // Native addons.
  'better-sqlite3',
  '@node-rs/argon2',
  'pg-native',
  // Worker threads and transports, loaded by file name.
  'pino',
  // Read their own data files at run time, and are loaded only when a PDF, a QR code or a credential is made.
  'pdfkit',
  'fontkit',
  'qrcode',
  '@digitalbazaar/',
  '@digitalcredentials/',
  '@expo-google-fonts/',
  'govuk-frontend',
  // Build and development tools.
  'sass',
  'esbuild',
  'tsx',
];

const keepExternal = {
  name: 'keep-external',
  setup(b) {
    b.onResolve({ filter: /^[^./#]/ }, (args) => {
      const external = EXTERNAL.some((name) => (name.endsWith('/') ? args.path.startsWith(name) : args.path === name || args.path.startsWith(`${name}/`)));
      return external ? { path: args.path, external: true } : undefined;
    });
  },
};

/** The benchmark's nothing-rendered build: `file` in place of Waymark's JSX runtime. */
function replaceJsxRuntime(file) {
  return {
    name: 'jsx-runtime',
    setup(b) {
      b.onResolve({ filter: /^#jsx\/jsx(-dev)?-runtime$/ }, () => ({ path: file }));
    },
  };
}

const started = Date.now();
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });

await build({
  entryPoints: [join(root, 'src/cli.ts')],
  outfile: join(out, 'waymark.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Pure JavaScript packages the server loads as it starts are bundled with Waymark's own code: one
  // file starts faster than hundreds of modules, each found, read and compiled on its own (about 0.4 s
  // of a cold start). What stays in node_modules: native addons, packages that read files of their
  // own at run time or start worker threads, and what Waymark loads only when used (PDFs, credentials).
  plugins: [keepExternal, ...(jsxRuntime ? [replaceJsxRuntime(jsxRuntime)] : [])],
  // Bundled CommonJS packages (pg, nodemailer) call require() for Node's own modules.
  banner: { js: "import { createRequire as __waymarkCreateRequire } from 'node:module'; const require = __waymarkCreateRequire(import.meta.url);" },
  tsconfig: join(root, 'tsconfig.json'),
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The stylesheet, compiled by the very function the server uses when it runs from the sources.
const { tsImport } = await import('tsx/esm/api');
const { compileStylesheet } = await tsImport('../src/platform/ui/assets.ts', import.meta.url);
writeFileSync(join(out, 'assets/app.css'), await compileStylesheet());
const assets = join(root, 'src/platform/ui/assets');
for (const file of ['app.js', 'waymark.svg']) copyFileSync(join(assets, file), join(out, 'assets', file));

// The tables and columns the migrations define, worked out now rather than at every start (the
// start-up schema check compares the database with it).
// Asked of the build itself, which loads far faster than the sources would through tsx.
writeFileSync(join(out, 'schema-shape.json'), execFileSync(process.execPath, [join(out, 'waymark.js'), 'schema-shape'], { cwd: root, encoding: 'utf8' }));

writeFileSync(join(out, 'build.json'), `${JSON.stringify({ sources: sourceFingerprint(root), builtAt: new Date().toISOString() }, null, 2)}\n`);
console.log(`waymark build: ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
