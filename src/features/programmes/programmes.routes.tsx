import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env';

export const programmeRoutes = new Hono<AppEnv>();
