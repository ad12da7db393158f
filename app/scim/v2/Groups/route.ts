// SCIM 2.0 Groups: lib/scim/groups.ts.
export { listGroups as GET, createGroup as POST } from "@/lib/scim/groups";
