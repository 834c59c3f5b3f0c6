import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env';

/** 360-degree feedback rounds, respondent forms, class links and reports. */
export const feedbackRoutes = new Hono<AppEnv>();
