import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { APP_URL } from "./constants";

/** The id Next gave a server action at build time (what a page's form posts as Next-Action). */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, "..", "..", ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in the build`);
  return found[0];
}

export type MultipartValue = string | { name: string; mimeType: string; buffer: Buffer };

/**
 * Posts a form to a server action as React's fetch does for a useActionState form: the
 * form's fields prefixed "_1_" (the reply encoding's first outlined FormData), then the
 * arguments (previous state, that form) as field "0", which must come last.
 */
export async function postServerAction(request: APIRequestContext, pagePath: string, action: string, fields: Record<string, MultipartValue>) {
  // A FormData, not an object: the order of the parts matters.
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") multipart.append(`_1_${name}`, value);
    else multipart.append(`_1_${name}`, new Blob([new Uint8Array(value.buffer)], { type: value.mimeType }), value.name);
  }
  multipart.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return request.post(pagePath, {
    headers: { "Next-Action": serverActionId(action), Accept: "text/x-component", Origin: APP_URL },
    multipart,
    maxRedirects: 0,
  });
}
