/** True when an error from either engine is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  // PostgreSQL: 23505; better-sqlite3: SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The constraint or column a unique violation was about, when the engine says. */
export function uniqueViolationTarget(error: unknown): string | undefined {
  if (!isUniqueViolation(error)) return undefined;
  const e = error as { constraint?: string; message?: string };
  if (e.constraint) return e.constraint;
  return /UNIQUE constraint failed: (.+)$/.exec(e.message ?? '')?.[1];
}
