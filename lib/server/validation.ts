import { z } from "zod";
import { ValidationFailed } from "../errors";

/** Parses input with a zod schema, or throws ValidationFailed naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => (field === "_form" ? messages[0] : `${field}: ${messages[0]}`))
    .join("; ");
  throw new ValidationFailed(`Invalid input — ${summary}`, fieldErrors);
}

/**
 * Form fields as a plain object. Keys ending in "[]" collect every value into an array
 * (multi-selects, repeated inputs); dotted keys ("labels.public") build nested objects;
 * files stay File objects; other keys keep their single value.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") {
      // An empty file input still submits a nameless, empty file: that is "no file".
      if (value.size > 0 || value.name) out[key] = value;
      continue;
    }
    const text = value;
    if (key.endsWith("[]")) {
      const name = key.slice(0, -2);
      ((out[name] ??= []) as string[]).push(text);
    } else if (key.includes(".")) {
      const [group, field] = key.split(".", 2) as [string, string];
      const nested = (out[group] ??= {}) as Record<string, unknown>;
      if (typeof nested === "object") nested[field] = text;
    } else {
      out[key] = text;
    }
  }
  return out;
}
