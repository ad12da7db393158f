export { me as GET } from "@/lib/scim/discovery";
