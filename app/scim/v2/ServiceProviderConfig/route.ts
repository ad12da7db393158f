export { getServiceProviderConfig as GET } from "@/lib/scim/discovery";
