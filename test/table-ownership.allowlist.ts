/**
 * Features that still read another feature's tables directly, by feature and table. Each pair is
 * debt: it goes when the reads move behind functions or query fragments the owner exports (as
 * `passwordIsSet` in auth, `findPersonSummary` in staff and `recommendationsReceived` in
 * programmes did). The list is exact (a pair no longer read fails the ownership test, so remove
 * it) and its length is capped by `CROSS_FEATURE_READS_CEILING` in `table-ownership.test.ts`, so
 * it only grows by a visible decision. Writes are never allowed here: only a table's owner writes it.
 */
export interface CrossFeatureRead {
  /** The reading feature's folder name. */
  feature: string;
  /** The table it reads, owned by another feature. */
  table: string;
}

export const CROSS_FEATURE_READS: readonly CrossFeatureRead[] = [
  // Signing in and loading the viewer on every request: the staff record, roles and organisation
  // name in one indexed lookup. Staff depends on auth, so auth can't call staff's functions.
  { feature: 'auth', table: 'organisations' },
  { feature: 'auth', table: 'people' },
  { feature: 'auth', table: 'role_grants' },

  // Applications, endorsements, decisions and reminders: applicants' records, endorsers by role and
  // school, the programme applied to, and the round-closing reminder's recommendations.
  { feature: 'cohorts', table: 'people' },
  { feature: 'cohorts', table: 'programmes' },
  { feature: 'cohorts', table: 'recommendations' },
  { feature: 'cohorts', table: 'role_grants' },
  { feature: 'cohorts', table: 'schools' },

  // Enrolment lists and records: the cohort, programme, modules and requirements enrolled on, the
  // application it came from, participants' names and schools, and who signed an enrolment off.
  { feature: 'enrolments', table: 'applications' },
  { feature: 'enrolments', table: 'cohorts' },
  { feature: 'enrolments', table: 'people' },
  { feature: 'enrolments', table: 'programme_modules' },
  { feature: 'enrolments', table: 'programme_requirements' },
  { feature: 'enrolments', table: 'programmes' },
  { feature: 'enrolments', table: 'schools' },

  // 360 feedback: the participant's name and line manager, and the names of those a report is shared with.
  { feature: 'feedback', table: 'people' },

  // Who published a framework version, and whether a programme uses a version or skill (programmes
  // depends on frameworks, so frameworks can't call programmes).
  { feature: 'frameworks', table: 'people' },
  { feature: 'frameworks', table: 'programme_focus_skills' },
  { feature: 'frameworks', table: 'programmes' },

  // The home page: the person's applications in progress and endorsements waiting for them.
  { feature: 'home', table: 'applications' },
  { feature: 'home', table: 'cohorts' },
  { feature: 'home', table: 'endorsements' },
  { feature: 'home', table: 'programmes' },

  // Each school's count of active staff (staff depends on organisations).
  { feature: 'organisations', table: 'people' },

  // Programme pages: cohorts by window, module choices, framework skills, colleagues to recommend.
  { feature: 'programmes', table: 'cohorts' },
  { feature: 'programmes', table: 'enrolment_modules' },
  { feature: 'programmes', table: 'framework_domains' },
  { feature: 'programmes', table: 'framework_skills' },
  { feature: 'programmes', table: 'framework_versions' },
  { feature: 'programmes', table: 'frameworks' },
  { feature: 'programmes', table: 'people' },
  { feature: 'programmes', table: 'schools' },

  // Training sessions, registers and calendars: who is expected (enrolments and bookings), names and
  // schools, the cohort and programme a session belongs to, the organisation's name in feeds.
  { feature: 'sessions', table: 'cohorts' },
  { feature: 'sessions', table: 'enrolments' },
  { feature: 'sessions', table: 'organisations' },
  { feature: 'sessions', table: 'people' },
  { feature: 'sessions', table: 'programmes' },
  { feature: 'sessions', table: 'schools' },

  // The directory and staff records show and search by school name.
  { feature: 'staff', table: 'schools' },

  // The list of imports names who uploaded each file.
  { feature: 'staff-import', table: 'people' },
];
