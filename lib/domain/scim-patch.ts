/**
 * PATCH (RFC 7644 §3.5.2) as Okta and Microsoft Entra ID send it, applied by scimmy's PatchOp to
 * the resource as it is now. What the providers send that the RFC spells otherwise is put in
 * the RFC's shape first: "Replace"/"Add"/"Remove" capitalised (scimmy reads any case), "True" and
 * "False" as strings, the manager as a bare id, and "" to clear it. Pure (scimmy is).
 */
import SCIMMY from "scimmy";
import { SCIM_MESSAGES, ScimError } from "./scim-messages";
import { ENTERPRISE_SCHEMA, normaliseQuirks, PATCH_SCHEMA, SCIM_GROUP, SCIM_USER } from "./scim-resources";

export const MAX_PATCH_OPERATIONS = 1000;

type Json = Record<string, unknown>;
type Operation = { op: "add" | "remove" | "replace"; path?: string; value?: unknown };

const MANAGER_PATH = `${ENTERPRISE_SCHEMA}:manager`.toLowerCase();

/** The attribute a path ends at, for the quirks: `emails[type eq "work"].primary` → primary; the manager's URN path as itself. */
function lastAttribute(path: string): string {
  if (path.toLowerCase() === MANAGER_PATH) return MANAGER_PATH;
  return path.replace(/\[[^\]]*\]/g, "").split(/[.:]/).pop() ?? path;
}

function isManagerKey(key: string): boolean {
  return key.toLowerCase() === MANAGER_PATH;
}

/** A PatchOp body, checked and in the RFC's shape. */
export function readPatchOperations(body: unknown): Operation[] {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ScimError(400, SCIM_MESSAGES.notObject, "invalidSyntax");
  const { schemas, Operations } = body as Json;
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_SCHEMA)) throw new ScimError(400, SCIM_MESSAGES.missingSchema(PATCH_SCHEMA), "invalidSyntax");
  if (!Array.isArray(Operations) || Operations.length === 0) throw new ScimError(400, SCIM_MESSAGES.patchNoOperations, "invalidSyntax");
  if (Operations.length > MAX_PATCH_OPERATIONS) throw new ScimError(400, SCIM_MESSAGES.patchTooMany(MAX_PATCH_OPERATIONS), "tooMany");
  const operations: Operation[] = [];
  Operations.forEach((raw: unknown, index) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new ScimError(400, SCIM_MESSAGES.patchBadOperation(index + 1), "invalidSyntax");
    const { op, path, value } = raw as Json;
    const kind = typeof op === "string" ? op.toLowerCase() : "";
    if (kind !== "add" && kind !== "remove" && kind !== "replace") throw new ScimError(400, SCIM_MESSAGES.patchBadOperation(index + 1), "invalidSyntax");
    if (path !== undefined && (typeof path !== "string" || path.trim() === "")) throw new ScimError(400, SCIM_MESSAGES.patchBadOperation(index + 1), "invalidPath");
    if (typeof path === "string" && kind === "remove" && path.trim().toLowerCase() === "members" && Array.isArray(value)) {
      // Entra ID removes members as a list of values ({"$ref": null, "value": id}); the RFC's form is one filter per member.
      for (const member of value as unknown[]) {
        const id = (member as Json | null)?.value;
        if (typeof id !== "string" || id.trim() === "") throw new ScimError(400, SCIM_MESSAGES.patchBadOperation(index + 1), "invalidValue");
        // An id with a quote in it names no member, and would not survive the filter's quoting.
        if (!id.includes('"')) operations.push({ op: "remove", path: `members[value eq "${id}"]` });
      }
      return;
    }
    if (typeof path === "string") {
      const normalised = normaliseQuirks(value, lastAttribute(path.trim()));
      // Entra ID clears the manager with a replace of "" (or null): that is a remove.
      if (kind !== "remove" && isManagerKey(path.trim()) && normalised === null) operations.push({ op: "remove", path: path.trim() });
      else operations.push({ op: kind, path: path.trim(), ...(kind === "remove" && value === undefined ? {} : { value: normalised }) });
      return;
    }
    // A value object without a path: its keys are paths. A manager cleared inside it is a remove of its own.
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const cleared = Object.entries(value as Json).filter(([key, v]) => isManagerKey(key) && (v === "" || v === null));
      const rest = Object.fromEntries(Object.entries(value as Json).filter(([key]) => !cleared.some(([k]) => k === key)));
      if (Object.keys(rest).length > 0) operations.push({ op: kind, value: normaliseQuirks(rest) });
      for (const [key] of cleared) operations.push({ op: "remove", path: key });
      return;
    }
    operations.push({ op: kind, ...(value === undefined ? {} : { value: normaliseQuirks(value) }) });
  });
  return operations;
}

/** scimmy's complaints about a patch, as SCIM errors (its own status and scimType when it names them). */
function asScimError(error: unknown): ScimError {
  if (error instanceof ScimError) return error;
  const e = error as { status?: number; scimType?: string; message?: string };
  const status = typeof e.status === "number" && e.status >= 400 && e.status < 500 ? e.status : 400;
  return new ScimError(status, e.message ?? "The patch could not be applied.", (e.scimType as ScimError["scimType"]) ?? "invalidValue");
}

/**
 * `operations` applied to `resource` (a User or Group representation as GET answers it): the
 * patched resource, or null when the patch changes nothing.
 */
export async function applyPatch(resource: Json, operations: Operation[], kind: "User" | "Group"): Promise<Json | null> {
  try {
    const Schema = kind === "User" ? SCIM_USER : SCIM_GROUP;
    const instance = new Schema(resource, "out");
    const message = new SCIMMY.Messages.PatchOp({ schemas: [PATCH_SCHEMA], Operations: operations });
    const patched = await message.apply(instance, async (result) => result as unknown as Record<string, unknown>);
    return patched ? (JSON.parse(JSON.stringify(patched)) as Json) : null;
  } catch (error) {
    throw asScimError(error);
  }
}
