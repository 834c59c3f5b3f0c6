/** Field name -> message, in the order the fields appear on the form. */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly status: number = 500;
}

/** The thing asked for doesn't exist (or the viewer may not know it exists). */
export class NotFound extends DomainError {
  override readonly status = 404;
  constructor(message = 'Page not found') {
    super(message);
  }
}

/** Signed in, but this isn't theirs to see or do. */
export class Forbidden extends DomainError {
  override readonly status = 403;
  constructor(message = 'You do not have permission to do this') {
    super(message);
  }
}

/** Needs a signed-in person. */
export class Unauthenticated extends DomainError {
  override readonly status = 401;
  constructor(message = 'Sign in to continue') {
    super(message);
  }
}

/** The request clashes with the current state (a duplicate, a stale form). */
export class Conflict extends DomainError {
  override readonly status = 409;
}

/** Bad input: carries a message per field so the form can show them. */
export class Invalid extends DomainError {
  override readonly status = 400;
  constructor(
    readonly fieldErrors: FieldErrors,
    message = 'There is a problem',
  ) {
    super(message);
  }
}

/** Too many attempts; says when to try again. */
export class TooManyRequests extends DomainError {
  override readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The request itself is malformed (not a user's typo): bad token format, missing origin. */
export class BadRequest extends DomainError {
  override readonly status = 400;
}

/** The upload is larger than the route accepts. */
export class PayloadTooLarge extends DomainError {
  override readonly status = 413;
}
