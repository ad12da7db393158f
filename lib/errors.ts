/** Expected failures: their message reaches the user with the right HTTP status. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors?: Record<string, string[]>,
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
  constructor(message = "Sign in first.") {
    super(message, 401);
  }
}
export class Forbidden extends AppError {
  constructor(message = "Your role does not allow this.") {
    super(message, 403);
  }
}
export class NotFound extends AppError {
  constructor(message = "Not found.") {
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
    super(`Too many requests for this token: try again in ${retryAfterSeconds} s.`, 429);
  }
}
