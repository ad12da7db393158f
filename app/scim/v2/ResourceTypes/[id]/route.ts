export { getResourceType as GET } from "@/lib/scim/discovery";
