import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env';

export const staffImportRoutes = new Hono<AppEnv>();
export async function importStaffFile(_runtime: unknown, _options: { file: string; organisationId?: string; schoolName?: string }): Promise<string> {
  throw new Error('not ready');
}
