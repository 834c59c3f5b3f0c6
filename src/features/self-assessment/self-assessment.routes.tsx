import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env';

/** Self-assessment against the programme's focus skills. */
export const selfAssessmentRoutes = new Hono<AppEnv>();
