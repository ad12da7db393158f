export { listSchemas as GET } from "@/lib/scim/discovery";
