import { ServiceUnavailable } from "../errors";

/**
 * Whether a failure means "the database cannot be reached or cannot take more work right now"
 * — a restart, a failover, a network cut, a full pool — rather than a fault of the request or
 * of the code. Such failures answer 503 with Retry-After (lib/server/guard.ts), never 500.
 *
 * Decided by codes: the socket's (node), PostgreSQL's SQLSTATE, and for the two failures
 * node-postgres reports without a code (a connection that drops mid-query, a pool with no
 * client free in time) its fixed messages. The cause chain is followed: Drizzle wraps a
 * driver error in its own, and node reports a refused dual-stack connect as an AggregateError.
 */

/** Socket errors: nobody listens, the peer went away, or the network does not reach it. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED"]);

/**
 * SQLSTATEs: class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up, shutting down, in recovery), 53300 too_many_connections.
 */
const SQLSTATE_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
const SQLSTATE_CLASSES = ["08"];

/** node-postgres (pg 8, pg-pool 3) failures that carry no code. */
const DRIVER_MESSAGES = [
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
];

function isUnavailableItself(error: object): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (SOCKET_CODES.has(code) || SQLSTATE_CODES.has(code)) return true;
    if (code.length === 5 && SQLSTATE_CLASSES.some((prefix) => code.startsWith(prefix))) return true;
  }
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" && DRIVER_MESSAGES.includes(message);
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  if (isUnavailableItself(error)) return true;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (isDatabaseUnavailable(cause, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** A database-unavailable failure as the typed 503; anything else unchanged. */
export function asServiceUnavailable(error: unknown): unknown {
  return isDatabaseUnavailable(error) ? new ServiceUnavailable() : error;
}
