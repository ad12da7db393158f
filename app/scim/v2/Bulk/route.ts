export { bulk as POST } from "@/lib/scim/discovery";
