import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env';

/** Sessions, open events, attendance, check-in and calendars. */
export const sessionRoutes = new Hono<AppEnv>();
