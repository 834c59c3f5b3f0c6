import type { Migration } from 'kysely';
import * as foundation from './2026_11_24_1400_foundation';
import * as programmes from './2026_11_24_1800_programmes';
import * as notifications from './2026_11_24_2000_notifications';
import * as sessions from './2026_11_24_2010_sessions';
import * as selfAssessment from './2026_11_24_2020_self_assessment';
import * as feedback from './2026_11_24_2030_feedback';

/** Every migration, in order. Names are frozen once landed. */
export const migrations: Record<string, Migration> = {
  '2026_11_24_1400_foundation': foundation,
  '2026_11_24_1800_programmes': programmes,
  '2026_11_24_2000_notifications': notifications,
  '2026_11_24_2010_sessions': sessions,
  '2026_11_24_2020_self_assessment': selfAssessment,
  '2026_11_24_2030_feedback': feedback,
};
