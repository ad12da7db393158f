import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { gateCredentialsSignIn } from "@/lib/auth/sign-in-gate";
import { inRequestLocale } from "@/lib/auth/locale";
import { authOptions } from "@/lib/auth/options";
import { apiRoute } from "@/lib/server/guard";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so that configuration is read at run time, not at build.
function nextAuth(request: NextRequest, context: Context) {
  return NextAuth(authOptions())(request, context);
}

// The wrapper gives sign-in's log lines (failures, lockouts) the request's id. A password sign-in
// passes the hashing and per-address limits first (lib/auth/sign-in-gate.ts).
const GET = apiRoute(nextAuth);
const POST = apiRoute(async (request: NextRequest, context: Context) => {
  const segments = (await context.params).nextauth;
  // Its refusals are read on the sign-in page: in that page's language (the visitor's choice there, the browser's, the company's).
  if (segments.join("/") === "callback/credentials") return inRequestLocale(() => gateCredentialsSignIn(request, () => nextAuth(request, context)));
  return nextAuth(request, context);
});

export { GET, POST };
