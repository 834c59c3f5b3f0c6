import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env';

/** The inbox and notification settings. */
export const notificationRoutes = new Hono<AppEnv>();
