import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { apiRoute } from "@/lib/server/guard";

// Options are built per request so that configuration is read at run time, not at build. The
// wrapper gives sign-in's log lines (failures, lockouts) the request's id.
const handler = apiRoute((request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => NextAuth(authOptions())(request, context));

export { handler as GET, handler as POST };
