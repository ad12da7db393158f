import "server-only";
import { resourceTypes, schemaDescriptions, serviceProviderConfig } from "../domain/scim-discovery";
import { SCIM_MESSAGES, ScimError } from "../domain/scim-messages";
import { listResponse } from "../domain/scim-resources";
import { scimJson, scimNotImplemented, scimRoute } from "./http";

export const getServiceProviderConfig = scimRoute(async (ctx) => scimJson(serviceProviderConfig(ctx.base)));

export const listResourceTypes = scimRoute(async (ctx) => {
  const types = resourceTypes(ctx.base);
  return scimJson(listResponse(types, types.length, 1));
});

export const getResourceType = scimRoute(async (ctx) => {
  const type = resourceTypes(ctx.base).find((t) => t.id === ctx.params.id);
  if (!type) throw new ScimError(404, SCIM_MESSAGES.unknownResourceType(ctx.params.id ?? ""));
  return scimJson(type);
});

export const listSchemas = scimRoute(async (ctx) => {
  const schemas = schemaDescriptions(ctx.base);
  return scimJson(listResponse(schemas, schemas.length, 1));
});

export const getSchema = scimRoute(async (ctx) => {
  const schema = schemaDescriptions(ctx.base).find((s) => s.id === ctx.params.id);
  if (!schema) throw new ScimError(404, SCIM_MESSAGES.unknownSchema(ctx.params.id ?? ""));
  return scimJson(schema);
});

/** POST /Bulk: not supported (ServiceProviderConfig says so). */
export const bulk = scimNotImplemented(SCIM_MESSAGES.bulkUnsupported);

/** GET /Me: not supported (a token provisions people; it is not one). */
export const me = scimNotImplemented(SCIM_MESSAGES.meUnsupported);

/**
 * POST to a resource: `…/.search` (RFC 7644 §3.4.3) is not supported (501); a POST to a
 * resource's own address is a method it does not take (405, naming those it does).
 */
export const postToResource = scimRoute(async (ctx) => {
  if (ctx.params.id === ".search") throw new ScimError(501, SCIM_MESSAGES.searchUnsupported);
  throw new ScimError(405, SCIM_MESSAGES.methodNotAllowed("POST", ["GET", "PUT", "PATCH", "DELETE"]), undefined, { Allow: "GET, PUT, PATCH, DELETE" });
});
