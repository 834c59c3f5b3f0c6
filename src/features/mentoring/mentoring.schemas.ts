import type { LeadershipLevel } from '../staff';
import type { PairingKind, ReviewView } from './mentoring.tables';

export const PAIRING_KINDS: Record<PairingKind, string> = {
  mentor: 'Mentor',
  in_school_coach: 'In-school coach',
  external_coach: 'External coach',
};

export const REVIEW_VIEWS: Record<ReviewView, string> = {
  on_track: 'On track',
  needs_support: 'Needs support',
};

/** Where the mentor should work, for matching: the same school as the mentee, another school, or either. */
export type SchoolSetting = 'same' | 'other' | 'either';
export const SCHOOL_SETTINGS: Record<SchoolSetting, string> = {
  either: 'Either',
  same: 'The same school',
  other: 'Another school',
};

/** Leadership levels from least to most senior, for "a level above the mentee". */
export const SENIORITY: readonly LeadershipLevel[] = ['none', 'middle', 'senior', 'headteacher', 'executive'];

export const TEXT_MAX = 5000;
export const SHORT_MAX = 500;
export const MAX_PLACES = 30;

export function parseIdList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function isPairingKind(value: string): value is PairingKind {
  return value in PAIRING_KINDS;
}
