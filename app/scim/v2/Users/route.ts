// SCIM 2.0 Users (RFC 7644 §3.2–3.4): lib/scim/users.ts.
export { listUsers as GET, createUser as POST } from "@/lib/scim/users";
