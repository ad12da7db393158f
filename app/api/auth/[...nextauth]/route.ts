import NextAuth from "next-auth";
import { gateCredentialsSignIn } from "@/lib/auth/sign-in-gate";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so that configuration is read at run time, not at build.
function handler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

/** A password sign-in passes the hashing and per-address limits first (lib/auth/sign-in-gate.ts). */
async function post(request: Request, context: Context) {
  const segments = (await context.params).nextauth;
  if (segments.join("/") === "callback/credentials") return gateCredentialsSignIn(request, () => handler(request, context));
  return handler(request, context);
}

export { handler as GET, post as POST };
