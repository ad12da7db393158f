import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";
import { config } from "./config";

/**
 * The one logger: JSON lines (pino) on stdout, for a log shipper to forward. Every line written
 * while a request is handled carries its request id (answered to the caller as X-Request-Id)
 * and, once known, the actor. Lines never carry secrets or what someone typed: callers log ids,
 * names of things and counts, and the paths below are censored should one slip in.
 */

/** Who a request acts for, as far as the log needs: ids, never emails or secrets. */
export type LogActor = { kind: "user"; id: string; role: string } | { kind: "token"; tokenId: string; prefix: string; createdById: string } | { kind: "system" };

interface RequestContext {
  requestId: string;
  actor?: LogActor;
}

const REDACTED_PATHS = ["password", "passwordHash", "secret", "token", "authorization", "cookie", "*.password", "*.passwordHash", "*.secret", "*.token", "*.authorization", "*.cookie"];

// On globalThis: Next may load this module in several bundles, and a request's context must be
// the same whichever copy reads it.
const globalForLog = globalThis as unknown as { vettedLog?: { logger: Logger; context: AsyncLocalStorage<RequestContext> } };

function state() {
  globalForLog.vettedLog ??= { logger: createLogger(), context: new AsyncLocalStorage<RequestContext>() };
  return globalForLog.vettedLog;
}

/** LOG_LEVEL; "info" when the configuration itself is invalid, so that the error saying why can still be logged. */
function configuredLevel(): string {
  try {
    return config().logLevel;
  } catch {
    return "info";
  }
}

function createLogger(destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: configuredLevel(),
    base: { service: "vetted" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    mixin() {
      const context = globalForLog.vettedLog?.context.getStore();
      if (!context) return {};
      return context.actor ? { requestId: context.requestId, actor: context.actor } : { requestId: context.requestId };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export function logger(): Logger {
  return state().logger;
}

/** Sends every line to `destination` from now on (tests read the lines back from a stream). */
export function setLogDestination(destination: DestinationStream): void {
  state().logger = createLogger(destination);
}

/** Runs `work` as one request: a fresh request id on every line it logs. */
export function withRequestContext<T>(work: () => T): T {
  return state().context.run({ requestId: randomUUID() }, work);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return state().context.getStore()?.requestId;
}

/** Names the actor of the request being handled, for every line logged after it. */
export function setLogActor(actor: LogActor): void {
  const context = state().context.getStore();
  if (context) context.actor = actor;
}

/**
 * Security events, for a SIEM to alert on: `security` names the event; fields say what was
 * refused and why, never a secret. Names in use: signin.failed, signin.locked, access.refused
 * (a 401 or 403 from the door), token.invalid, token.scope_refused, address.refused.
 */
export function logSecurityEvent(name: string, fields: Record<string, unknown> = {}): void {
  logger().warn({ ...fields, security: name }, `security event: ${name}`);
}

/**
 * An unexpected error, for the log. Never the input: a failed query's message carries its
 * parameters (password hashes, emails) and PostgreSQL's own message may quote a value, so for
 * those only the SQLSTATE, the routine and the SQL text (with placeholders, no values) are logged.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return "non-error thrown";
  if ("params" in error && "query" in error) {
    const cause = (error.cause ?? {}) as { code?: string; routine?: string };
    return `database query failed: SQLSTATE ${cause.code ?? "?"} in ${cause.routine ?? "?"}; query: ${String(error.query).slice(0, 500)}`;
  }
  return `${error.name}: ${error.message}\n${error.stack ?? ""}`;
}
