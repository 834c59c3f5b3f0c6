import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { access } from '../http/access';
import type { AppEnv } from '../http/env';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const govukDist = `${dirname(require.resolve('govuk-frontend/package.json'))}/dist/govuk`;

let compiledCss: Promise<string> | undefined;

/**
 * The stylesheet, once per process: the build's compiled copy when running from dist/ (next to this
 * module, as the sources' assets are next to this file), otherwise app.scss compiled here (about a
 * second; Sass is loaded only then). Every later request gets the cached text.
 */
export function compileStylesheet(): Promise<string> {
  const prebuilt = join(here, 'assets/app.css');
  compiledCss ??= existsSync(prebuilt) ? readFile(prebuilt, 'utf8') : compileFromSource();
  return compiledCss;
}

async function compileFromSource(): Promise<string> {
  const sass = await import('sass');
  const result = sass.compile(join(here, 'assets/app.scss'), {
    style: 'compressed',
    importers: [new sass.NodePackageImporter()],
    quietDeps: true,
    silenceDeprecations: ['mixed-decls'],
    logger: sass.Logger.silent,
  });
  return result.css;
}

const files: Record<string, { path: string; type: string }> = {
  'app.js': { path: join(here, 'assets/app.js'), type: 'text/javascript; charset=utf-8' },
  'waymark.svg': { path: join(here, 'assets/waymark.svg'), type: 'image/svg+xml' },
  'govuk-frontend.min.js': { path: join(govukDist, 'govuk-frontend.min.js'), type: 'text/javascript; charset=utf-8' },
};

/** Serves /assets/*: the compiled stylesheet, govuk-frontend's script and our own. */
export function assetRoutes() {
  const app = new Hono<AppEnv>();
  const cache = 'public, max-age=3600';
  app.get('/app.css', access('anyone'), async (c) =>
    c.body(await compileStylesheet(), 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': cache }),
  );
  app.get('/:file', access('anyone'), async (c) => {
    const file = files[c.req.param('file')];
    if (!file) return c.notFound();
    return c.body(await readFile(file.path), 200, { 'content-type': file.type, 'cache-control': cache });
  });
  return app;
}
