import "server-only";
import { NextResponse } from "next/server";
import { now } from "../clock";
import { config } from "../config";
import { getDb } from "../db/client";
import { logSecurityEvent } from "../log";
import { clientAddress } from "../server/client-address";
import { signInHashingSlots } from "./hashing-slots";
import { assertAddressMayTry, SIGN_IN_ERRORS, SignInRefused } from "./local-sign-in";

/**
 * The door in front of next-auth's credentials callback, where every password is hashed: a
 * free hashing slot for this client (lib/auth/hashing-slots.ts), then the client address
 * within its failure limit (shared by all instances, in PostgreSQL) — or 429 with Retry-After
 * and no hashing at all. next-auth itself can only answer 401 from `authorize`, so the limits
 * that must answer 429 sit here; the per-email lockout stays in `authorize`.
 */
export async function gateCredentialsSignIn(request: Request, signIn: () => Promise<Response>): Promise<Response> {
  const address = clientAddress(request.headers);
  const release = signInHashingSlots().tryAcquire(address);
  if (!release) {
    logSecurityEvent("signin.busy", { address });
    return refusal(SIGN_IN_ERRORS.busy, 1);
  }
  try {
    await assertAddressMayTry(await getDb(), address, now());
    return await signIn();
  } catch (error) {
    if (error instanceof SignInRefused) return refusal(error.message, error.retryAfterSeconds);
    throw error;
  } finally {
    release();
  }
}

/** In the shape next-auth's `signIn()` reads (a URL whose ?error= it shows), so the form names the reason. */
function refusal(message: string, retryAfterSeconds: number): Response {
  const url = new URL("/signin", config().baseUrl);
  url.searchParams.set("error", message);
  return NextResponse.json(
    { url: url.toString(), error: message },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
