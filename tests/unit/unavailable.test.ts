import { describe, expect, it } from "vitest";
import { asServiceUnavailable, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { Conflict, ServiceUnavailable } from "@/lib/errors";

const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });
/** Drizzle's wrapper: the driver's error as the cause. */
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1\nparams: "), { cause, query: "select 1", params: [] });

describe("database-unavailable errors", () => {
  it("are told by socket codes, SQLSTATEs of outages, and the pool's and driver's codeless failures, through wrappers", () => {
    for (const error of [
      withCode("ECONNREFUSED"),
      withCode("ECONNRESET"),
      new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], "connect failed"),
      wrapped(withCode("57P01", "terminating connection due to administrator command")),
      wrapped(withCode("57P03", "the database system is starting up")),
      wrapped(withCode("08006")),
      wrapped(withCode("53300", "sorry, too many clients already")),
      new Error("Connection terminated unexpectedly"),
      wrapped(new Error("Connection terminated unexpectedly")),
      new Error("timeout exceeded when trying to connect"),
      new Error("Connection terminated due to connection timeout"),
    ]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect(asServiceUnavailable(error)).toBeInstanceOf(ServiceUnavailable);
    }
  });

  it("leaves the request's and the code's own faults alone", () => {
    const conflict = new Conflict("That already exists.");
    for (const error of [wrapped(withCode("23505")), wrapped(withCode("42P01")), wrapped(withCode("57014", "canceling statement due to statement timeout")), new Error("Connection terminated unexpectedly, maybe"), conflict, "text", null]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(false);
    }
    expect(asServiceUnavailable(conflict)).toBe(conflict);
  });

  it("answers 503 with a Retry-After", () => {
    const error = new ServiceUnavailable();
    expect(error.status).toBe(503);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });
});
