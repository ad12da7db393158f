import { t } from "./i18n/translate";

/** Expected failures: their message reaches the user with the right HTTP status. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors?: Record<string, string[]>,
    /** Structured detail the API answers with beside the message (e.g. an import's row-by-row plan). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super(message, 400, fieldErrors);
  }
}
export class Unauthenticated extends AppError {
  constructor(message = t("errors.signInFirst")) {
    super(message, 401);
  }
}
export class Forbidden extends AppError {
  constructor(message = t("errors.roleForbids")) {
    super(message, 403);
  }
}
export class NotFound extends AppError {
  constructor(message = t("errors.notFound")) {
    super(message, 404);
  }
}
export class Conflict extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super(message, 409, fieldErrors);
  }
}

export class TooManyRequests extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(t("errors.tooManyRequests", { seconds: retryAfterSeconds }), 429);
  }
}

export class PayloadTooLarge extends AppError {
  constructor(limitBytes: number) {
    super(t("errors.payloadTooLarge", { megabytes: limitBytes / 1024 / 1024 }), 413);
  }
}

/** The request was understood but what it asks cannot be done as a whole (e.g. an import with rejected rows). */
export class Unprocessable extends AppError {
  constructor(message: string, details?: unknown) {
    super(message, 422, undefined, details);
  }
}

/**
 * The database cannot be reached or has no connection free in time (a restart, a failover, an
 * overload): nothing about the request is wrong, so try again after `retryAfterSeconds`.
 */
export class ServiceUnavailable extends AppError {
  constructor(
    readonly retryAfterSeconds = 2,
    message = t("errors.serviceUnavailable"),
  ) {
    super(message, 503);
  }
}
