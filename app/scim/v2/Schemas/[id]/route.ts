export { getSchema as GET } from "@/lib/scim/discovery";
