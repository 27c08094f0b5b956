/**
 * Errors the domain raises on purpose. Route handlers and server actions map them to HTTP statuses and form
 * messages; anything else is a bug and becomes a logged 500 with a generic message.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, message, details);
export const unauthorized = (message = "Sign in to continue.") => new AppError(401, message);
export const forbidden = (message = "You do not have access to this.") => new AppError(403, message);
export const notFound = (message = "Not found.") => new AppError(404, message);
export const conflict = (message: string, retryAfterSec?: number) => new AppError(409, message, undefined, retryAfterSec);
export const tooManyRequests = (message: string, retryAfterSec: number) =>
  new AppError(429, message, undefined, retryAfterSec);
