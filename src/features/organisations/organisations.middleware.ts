import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../platform/http/env';
import { installDisplayName } from './organisations.service';

/** For people not signed in, the header names the install's organisation (or says Waymark when there are several). */
export const headerNameMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('viewer')) c.set('headerName', await installDisplayName(c.get('deps').db));
  await next();
});
