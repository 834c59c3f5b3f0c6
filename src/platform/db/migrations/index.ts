import type { Migration } from 'kysely';
import * as foundation from './2026_11_24_1400_foundation';
import * as programmes from './2026_11_24_1800_programmes';

/** Every migration, in order. Names are frozen once landed. */
export const migrations: Record<string, Migration> = {
  '2026_11_24_1400_foundation': foundation,
  '2026_11_24_1800_programmes': programmes,
};
