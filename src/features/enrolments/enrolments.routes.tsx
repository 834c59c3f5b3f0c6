import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env';

export const enrolmentRoutes = new Hono<AppEnv>();
