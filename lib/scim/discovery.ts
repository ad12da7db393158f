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
