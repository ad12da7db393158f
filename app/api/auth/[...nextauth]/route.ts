import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// Options are built per request so that configuration is read at run time, not at build.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
