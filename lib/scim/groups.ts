import "server-only";
import { SCIM_MESSAGES, ScimError } from "../domain/scim-messages";
import { parseScimFilter } from "../domain/scim-filter";
import { readPatchOperations } from "../domain/scim-patch";
import { listParams, listResponse, project, projectionParams, scimGroupResource, type ListParams } from "../domain/scim-resources";
import { createScimGroup, deleteScimGroup, patchScimGroup, replaceScimGroup } from "../mutations/scim-groups";
import { findScimGroup, listScimGroups } from "../queries/scim";
import { runForApiCaller } from "../server/guard";
import { readScimBody, scimJson, scimNoContent, scimRoute, type ScimContext } from "./http";

/** Members are read only when the answer shows them (Entra ID asks for groups with excludedAttributes=members). */
function wantsMembers(params: Pick<ListParams, "attributes" | "excludedAttributes">): boolean {
  const lower = (list: string[] | null) => (list ?? []).map((a) => a.toLowerCase().replace(/^urn:ietf:params:scim:schemas:core:2\.0:group:/, "").split(".")[0]);
  if (params.attributes) return lower(params.attributes).includes("members");
  return !lower(params.excludedAttributes).includes("members");
}

async function groupResponse(ctx: ScimContext, id: string, status = 200): Promise<Response> {
  const params = projectionParams(ctx.request.nextUrl.searchParams);
  const facts = await findScimGroup(ctx.db, id, wantsMembers(params));
  if (!facts) throw new ScimError(404, SCIM_MESSAGES.notFound("group", id));
  const resource = scimGroupResource(facts, ctx.base);
  return scimJson(project(resource, params), status, status === 201 ? { Location: String((resource.meta as { location: string }).location) } : {});
}

export const listGroups = scimRoute(async (ctx) => {
  const params = listParams(ctx.request.nextUrl.searchParams, "Group");
  const filter = params.filter === null ? null : parseScimFilter(params.filter, "Group");
  const { total, groups } = await listScimGroups(ctx.db, filter, params.sort, params.startIndex, params.count, wantsMembers(params));
  return scimJson(listResponse(groups.map((group) => project(scimGroupResource(group, ctx.base), params)), total, params.startIndex));
});

export const getGroup = scimRoute(async (ctx) => groupResponse(ctx, ctx.params.id!));

export const createGroup = scimRoute(async (ctx) => {
  const resource = await readScimBody(ctx.request);
  const { id } = await runForApiCaller(createScimGroup, ctx.caller, { resource }, ctx.db);
  return groupResponse(ctx, id, 201);
});

export const replaceGroup = scimRoute(async (ctx) => {
  const resource = await readScimBody(ctx.request);
  await runForApiCaller(replaceScimGroup, ctx.caller, { id: ctx.params.id!, resource, ifMatch: ctx.request.headers.get("if-match") }, ctx.db);
  return groupResponse(ctx, ctx.params.id!);
});

/**
 * PATCH /Groups/{id}: 204 with the new ETag (RFC 7644 §3.5.2 allows it), so that a push to a
 * group of thousands does not answer with all of them; ?attributes= asks for the group instead.
 */
export const patchGroup = scimRoute(async (ctx) => {
  const operations = readPatchOperations(await readScimBody(ctx.request));
  await runForApiCaller(patchScimGroup, ctx.caller, { id: ctx.params.id!, operations, ifMatch: ctx.request.headers.get("if-match") }, ctx.db);
  if (ctx.request.nextUrl.searchParams.has("attributes") || ctx.request.nextUrl.searchParams.has("excludedAttributes")) return groupResponse(ctx, ctx.params.id!);
  const facts = await findScimGroup(ctx.db, ctx.params.id!);
  if (!facts) throw new ScimError(404, SCIM_MESSAGES.notFound("group", ctx.params.id!));
  return scimNoContent({ ETag: String((scimGroupResource(facts, ctx.base).meta as { version: string }).version) });
});

export const deleteGroup = scimRoute(async (ctx) => {
  await runForApiCaller(deleteScimGroup, ctx.caller, { id: ctx.params.id!, ifMatch: ctx.request.headers.get("if-match") }, ctx.db);
  return scimNoContent();
});
