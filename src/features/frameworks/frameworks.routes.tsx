import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env';

export const frameworkRoutes = new Hono<AppEnv>();
