import { A, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Rows for the leadership record. In the world (test/support/worlds/record.ts) the teacher (not a
// matrix viewer) has a record with a link they shared (`:shareId`, its token `:shareToken`). A
// record is its owner's alone: everyone else gets "not found" for the teacher's links, programme
// leads and admins included. The shared link opens that record's chosen items for anyone who holds
// it, signed in or not, and nothing else. The leaver (signed in to their personal account only) reaches
// their own record, its links and exports; the teacher's links and uploads are not theirs.
//                                                                       anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /record', expect: [S, A, A, A, A, A, A, A], leaver: A },
  { route: 'POST /record', expect: [S, A, A, A, A, A, A, A], leaver: A },
  { route: 'GET /record/export.json', expect: [S, A, A, A, A, A, A, A], leaver: A },
  { route: 'GET /record/record.pdf', expect: [S, A, A, A, A, A, A, A], leaver: A },
  { route: 'GET /record/shares/new', expect: [S, A, A, A, A, A, A, A], leaver: A },
  { route: 'POST /record/shares/new', expect: [S, A, A, A, A, A, A, A], leaver: A },
  { route: 'GET /record/shares/:shareId', expect: [S, N, N, N, N, N, N, N], leaver: N },
  { route: 'POST /record/shares/:shareId/revoke', expect: [S, N, N, N, N, N, N, N], leaver: N },
  { route: 'GET /record/import', expect: [S, A, A, A, A, A, A, A], leaver: A },
  { route: 'POST /record/import', expect: [S, A, A, A, A, A, A, A], leaver: A },
  // The teacher's upload of a record file (`:recordImportId`) is theirs alone, as their links are.
  { route: 'GET /record/import/:recordImportId', expect: [S, N, N, N, N, N, N, N], leaver: N },
  { route: 'POST /record/import/:recordImportId', expect: [S, N, N, N, N, N, N, N], leaver: N },
  { route: 'GET /shared/:shareToken', expect: [A, A, A, A, A, A, A, A] },
  // Checking a record file someone has been given: public, as checking a credential is.
  { route: 'GET /record/check', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /record/check', expect: [A, A, A, A, A, A, A, A] },
];
