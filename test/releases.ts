/**
 * Waymark's releases and the last migration each shipped with. Landed migrations never change
 * (test/guards/migrations.test.ts), so a release's database is made by the migrations up to its
 * last one, run from today's files. Add a line when a release is cut (CHANGELOG.md).
 */
export const RELEASES = [{ version: '0.1.0', commit: 'f05daeb', lastMigration: '2026_11_24_2030_feedback' }] as const;
