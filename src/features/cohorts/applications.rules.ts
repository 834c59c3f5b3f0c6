import { z } from 'zod';
import { formatDate } from '../../platform/dates';
import { checkEligibility, factsFromPerson, parseEligibilityRules } from '../programmes';
import type { LeadershipLevel, StaffType } from '../staff';
import { countWords, SECTION_TITLES, type Section } from './cohorts.schemas';
import { windowState } from './cohorts.policy';
import type { EndorsementKind, EndorsementStatus } from './cohorts.tables';

// Pure rules about an application's answers: which sections it has, whether each is complete,
// and why it may not be submitted. No database here, so they are easy to test and to reuse.

const stringList = z.array(z.string()).catch([]);

/** A JSON list of strings from the database; anything else reads as an empty list. */
export function parseStringList(json: string | null | undefined): string[] {
  try {
    return stringList.parse(JSON.parse(json || '[]'));
  } catch {
    return [];
  }
}

export interface AnswerFacts {
  current_role: string | null;
  experience: string | null;
  motivation: string | null;
  declarations: string;
  coach_person_id: string | null;
  coach_name: string | null;
  coach_email: string | null;
  project_idea: string | null;
  programme_declarations: string;
  asks_for_coach: number;
  asks_for_project: number;
  motivation_word_limit: number;
  /** An outside applicant's school on the school list, and the headteacher they name. */
  school_urn?: string | null;
  headteacher_name?: string | null;
  headteacher_email?: string | null;
}

/**
 * The endorsements the cohort asks of this applicant. An outside applicant (from a school not on
 * Waymark, `school_urn`) has no line manager on Waymark: the headteacher's support by email link is
 * the school's endorsement, so it stands in for the line manager's, and is asked when the cohort
 * needs either.
 */
export function endorsementsAsked(app: { needs_line_manager: number; needs_headteacher?: number; school_urn?: string | null }): {
  lineManager: boolean;
  headteacher: boolean;
} {
  if (app.school_urn) return { lineManager: false, headteacher: !!app.needs_headteacher || !!app.needs_line_manager };
  return { lineManager: !!app.needs_line_manager, headteacher: !!app.needs_headteacher };
}

/** True when the cohort needs a line manager's endorsement that this (outside) applicant's headteacher gives instead. */
export function headteacherStandsForLineManager(app: { needs_line_manager: number; school_urn?: string | null }): boolean {
  return !!app.needs_line_manager && !!app.school_urn;
}

/**
 * The sections this programme's application has: the headteacher too for an applicant from a school
 * not on Waymark (`school_urn`), when the cohort asks for the headteacher's support or the line
 * manager's endorsement (which the headteacher's stands in for).
 */
export function sectionsFor(app: {
  asks_for_coach: number;
  asks_for_project: number;
  needs_line_manager?: number;
  needs_headteacher?: number;
  school_urn?: string | null;
}): Section[] {
  const sections: Section[] = ['role', 'motivation', 'declarations'];
  if (app.asks_for_coach) sections.push('coach');
  if (app.asks_for_project) sections.push('project');
  if (
    app.school_urn &&
    endorsementsAsked({ needs_line_manager: app.needs_line_manager ?? 0, needs_headteacher: app.needs_headteacher, school_urn: app.school_urn }).headteacher
  )
    sections.push('headteacher');
  return sections;
}

export type SectionStatus = 'completed' | 'incomplete' | 'not_started';

/** True when the confirmed declarations are exactly the programme's current ones. */
export function declarationsConfirmed(app: Pick<AnswerFacts, 'declarations' | 'programme_declarations'>): boolean {
  const wanted = parseStringList(app.programme_declarations);
  const confirmed = new Set(parseStringList(app.declarations));
  return wanted.every((d) => confirmed.has(d)) && confirmed.size === new Set(wanted).size;
}

export function sectionStatus(app: AnswerFacts, section: Section): SectionStatus {
  const filled = (value: string | null) => !!value && value.trim().length > 0;
  switch (section) {
    case 'role':
      if (filled(app.current_role) && filled(app.experience)) return 'completed';
      return filled(app.experience) ? 'incomplete' : 'not_started';
    case 'motivation':
      if (!filled(app.motivation)) return 'not_started';
      return countWords(app.motivation ?? '') <= app.motivation_word_limit ? 'completed' : 'incomplete';
    case 'declarations':
      if (declarationsConfirmed(app)) return 'completed';
      return parseStringList(app.declarations).length > 0 ? 'incomplete' : 'not_started';
    case 'coach':
      if (app.coach_person_id || (filled(app.coach_name) && filled(app.coach_email))) return 'completed';
      return 'not_started';
    case 'project':
      return filled(app.project_idea) ? 'completed' : 'not_started';
    case 'headteacher':
      if (filled(app.headteacher_name ?? null) && filled(app.headteacher_email ?? null)) return 'completed';
      return filled(app.headteacher_name ?? null) || filled(app.headteacher_email ?? null) ? 'incomplete' : 'not_started';
  }
}

export interface SubmissionFacts extends AnswerFacts {
  programme_status: string;
  programme_eligibility: string;
  applications_open_on: string;
  applications_close_on: string;
  cohort_name: string;
  programme_title: string;
  needs_line_manager: number;
  needs_headteacher?: number;
  staff_type: StaffType;
  leadership_level: LeadershipLevel;
  started_in_schools_on: string | null;
}

/**
 * Why the application can't be submitted today, keyed by what to fix: a section name (the check
 * page links to it), `window`, `eligibility`, or `lineManager`. Empty when it can be submitted.
 */
export function submissionRefusals(app: SubmissionFacts, today: string, lineManager: { status: string } | null): Record<string, string> {
  const refusals: Record<string, string> = {};
  const state = windowState(app, today);
  if (app.programme_status !== 'open')
    refusals.window = `${app.programme_title} is not open for applications at the moment, so your application cannot be submitted.`;
  else if (state === 'before')
    refusals.window = `Applications for ${app.cohort_name} open on ${formatDate(app.applications_open_on)}. You can submit your application from then.`;
  else if (state === 'after')
    refusals.window = `Applications for ${app.cohort_name} closed on ${formatDate(app.applications_close_on)}, so your application cannot be submitted.`;
  for (const section of sectionsFor(app)) {
    const status = sectionStatus(app, section);
    if (status === 'completed') continue;
    if (section === 'declarations' && status === 'incomplete')
      refusals.declarations = 'The eligibility declarations have changed since you confirmed them. Confirm them again.';
    else if (section === 'motivation' && status === 'incomplete')
      refusals.motivation = `Why you want to take part must be ${app.motivation_word_limit} words or fewer`;
    else refusals[section] = `Complete the section: ${SECTION_TITLES[section]}`;
  }
  const eligibility = checkEligibility(parseEligibilityRules(app.programme_eligibility), factsFromPerson(app, today));
  if (!eligibility.eligible) refusals.eligibility = `Your staff record does not meet the programme’s rules. ${eligibility.reasons.join(' ')}`;
  if (endorsementsAsked(app).lineManager && lineManager?.status !== 'active') {
    refusals.lineManager =
      'Your line manager must endorse this application, but your staff record does not name an active line manager. Ask your school admin to add them, then submit again.';
  }
  return refusals;
}

/** The endorsements the cohort needs of this applicant (`endorsementsAsked`) that are not yet supported, in words. */
export function missingEndorsements(
  app: { needs_line_manager: number; needs_headteacher: number; school_urn?: string | null },
  endorsements: { kind: EndorsementKind; status: EndorsementStatus }[],
): string[] {
  const asked = endorsementsAsked(app);
  const needed: [EndorsementKind, string][] = [];
  if (asked.lineManager) needed.push(['line_manager', 'the line manager’s endorsement']);
  if (asked.headteacher) needed.push(['headteacher', 'the headteacher’s support']);
  return needed.filter(([kind]) => !endorsements.some((e) => e.kind === kind && e.status === 'supported')).map(([, words]) => words);
}

/** The request by email link on an application that can be sent again: asked and not answered, while the application waits for it. */
export function linkToSendAgain<E extends { kind: EndorsementKind; status: EndorsementStatus; endorser_email: string | null }>(
  app: { status: string },
  endorsements: readonly E[],
): E | undefined {
  if (app.status !== 'awaiting_endorsement') return undefined;
  return endorsements.find((e) => e.kind === 'headteacher' && !!e.endorser_email && e.status === 'requested');
}
