export { listResourceTypes as GET } from "@/lib/scim/discovery";
