import "server-only";
import { SCIM_MESSAGES, ScimError } from "../domain/scim-messages";
import { parseScimFilter } from "../domain/scim-filter";
import { readPatchOperations } from "../domain/scim-patch";
import { listParams, listResponse, project, projectionParams, scimUserResource } from "../domain/scim-resources";
import { deleteScimUser, patchScimUser, provisionScimUser, replaceScimUser } from "../mutations/scim-users";
import { findScimUser, listScimUsers } from "../queries/scim";
import { runForApiCaller } from "../server/guard";
import { readScimBody, scimJson, scimNoContent, scimRoute, type ScimContext } from "./http";

/** The person as GET answers it (after a write: as it now is), or 404. */
async function userResponse(ctx: ScimContext, id: string, status = 200): Promise<Response> {
  const facts = await findScimUser(ctx.db, id);
  if (!facts) throw new ScimError(404, SCIM_MESSAGES.notFound("user", id));
  const resource = scimUserResource(facts, ctx.base);
  const projected = project(resource, projectionParams(ctx.request.nextUrl.searchParams));
  return scimJson(projected, status, status === 201 ? { Location: String((resource.meta as { location: string }).location) } : {});
}

/** GET /Users: filter (userName eq "…" is how Okta and Entra ID look a person up first), startIndex, count. */
export const listUsers = scimRoute(async (ctx) => {
  const params = listParams(ctx.request.nextUrl.searchParams, "User");
  const filter = params.filter === null ? null : parseScimFilter(params.filter, "User");
  const { total, users } = await listScimUsers(ctx.db, filter, params.sort, params.startIndex, params.count);
  return scimJson(listResponse(users.map((user) => project(scimUserResource(user, ctx.base), params)), total, params.startIndex));
});

export const getUser = scimRoute(async (ctx) => userResponse(ctx, ctx.params.id!));

export const createUser = scimRoute(async (ctx) => {
  const resource = await readScimBody(ctx.request);
  const { id } = await runForApiCaller(provisionScimUser, ctx.caller, { resource }, ctx.db);
  return userResponse(ctx, id, 201);
});

export const replaceUser = scimRoute(async (ctx) => {
  const resource = await readScimBody(ctx.request);
  await runForApiCaller(replaceScimUser, ctx.caller, { id: ctx.params.id!, resource, ifMatch: ctx.request.headers.get("if-match") }, ctx.db);
  return userResponse(ctx, ctx.params.id!);
});

export const patchUser = scimRoute(async (ctx) => {
  const operations = readPatchOperations(await readScimBody(ctx.request));
  await runForApiCaller(patchScimUser, ctx.caller, { id: ctx.params.id!, operations, ifMatch: ctx.request.headers.get("if-match") }, ctx.db);
  return userResponse(ctx, ctx.params.id!);
});

export const deleteUser = scimRoute(async (ctx) => {
  await runForApiCaller(deleteScimUser, ctx.caller, { id: ctx.params.id!, ifMatch: ctx.request.headers.get("if-match") }, ctx.db);
  return scimNoContent();
});
