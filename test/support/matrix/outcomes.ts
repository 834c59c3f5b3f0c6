// What a route gives each kind of viewer; shared by the matrix and its per-feature row files.

export type Outcome = 'allowed' | 'sign-in' | 'forbidden' | 'not-found';
export type Viewer = 'anonymous' | 'staff' | 'lineManager' | 'schoolAdminHere' | 'schoolAdminOther' | 'orgAdmin' | 'otherOrgAdmin' | 'programmeLead';
export const viewers: Viewer[] = ['anonymous', 'staff', 'lineManager', 'schoolAdminHere', 'schoolAdminOther', 'orgAdmin', 'otherOrgAdmin', 'programmeLead'];

export interface Row {
  route: `${'GET' | 'POST'} ${string}`;
  expect: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
  /** Query string or literal path pieces to use, when the bare route isn't meaningful. */
  path?: string;
}

export const A: Outcome = 'allowed';
export const S: Outcome = 'sign-in';
export const F: Outcome = 'forbidden';
export const N: Outcome = 'not-found';
