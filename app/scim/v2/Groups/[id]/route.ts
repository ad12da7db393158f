export { getGroup as GET, replaceGroup as PUT, patchGroup as PATCH, deleteGroup as DELETE } from "@/lib/scim/groups";
export { postToResource as POST } from "@/lib/scim/discovery";
