// What a route gives each kind of viewer; shared by the matrix and its per-feature row files.

export type Outcome = 'allowed' | 'sign-in' | 'forbidden' | 'not-found';
export type Viewer =
  | 'anonymous'
  | 'staff'
  | 'lineManager'
  | 'schoolAdminHere'
  | 'schoolAdminOther'
  | 'orgAdmin'
  | 'otherOrgAdmin'
  | 'programmeLead'
  | 'dataProtectionOfficer';
/** The viewers in the order of a row's `expect`, then the data protection officer (a row's `dpo`). */
export const viewers: Viewer[] = [
  'anonymous',
  'staff',
  'lineManager',
  'schoolAdminHere',
  'schoolAdminOther',
  'orgAdmin',
  'otherOrgAdmin',
  'programmeLead',
  'dataProtectionOfficer',
];

export interface Row {
  route: `${'GET' | 'POST'} ${string}`;
  expect: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
  /** Query string or literal path pieces to use, when the bare route isn't meaningful. */
  path?: string;
  /**
   * What a leaver signed in to their personal account only gets (a former member of staff of the
   * world's organisation, reaching their own record). Left out, it follows from the anonymous
   * column: a public route (A) or a link (N) gives them the same; every route that needs a signed-in
   * member of staff refuses them (F) — a leaver's account reaches nothing of the school.
   */
  leaver?: Outcome;
  /**
   * What the data protection officer gets: a member of staff at school A (like `staff`, with no
   * records of their own in the world) holding the data protection officer role. Left out, the same
   * as `staff`: the role opens the data protection pages and nothing else.
   */
  dpo?: Outcome;
}

/** What the leaver gets from a row (see `Row.leaver`). */
export function leaverOutcome(row: Row): Outcome {
  if (row.leaver) return row.leaver;
  return row.expect[0] === 'sign-in' ? 'forbidden' : row.expect[0];
}

/** What a row expects of a viewer (the data protection officer: `dpo`, or what the member of staff gets). */
export function expected(row: Row, viewer: Viewer): Outcome {
  if (viewer === 'dataProtectionOfficer') return row.dpo ?? row.expect[1];
  return row.expect[viewers.indexOf(viewer)] as Outcome;
}

export const A: Outcome = 'allowed';
export const S: Outcome = 'sign-in';
export const F: Outcome = 'forbidden';
export const N: Outcome = 'not-found';
