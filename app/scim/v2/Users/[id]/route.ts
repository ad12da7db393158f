export { getUser as GET, replaceUser as PUT, patchUser as PATCH, deleteUser as DELETE } from "@/lib/scim/users";
export { postToResource as POST } from "@/lib/scim/discovery";
