import { z } from "zod";
import { isPrototypeFieldName } from "../domain/prototype-keys";
import { ValidationFailed } from "../errors";
import { t } from "../i18n/translate";
import { asSentence, plainIssueMessage, validationSummary } from "../validation/messages";

/** Parses input with a zod schema, or throws ValidationFailed naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // The error map fills in only the issues whose schema gave no message of its own.
  const result = schema.safeParse(input, { error: (issue) => plainIssueMessage(issue) });
  if (result.success) return result.data;
  // A Map, not an object: an issue's path may be any key the caller sent ("__proto__" too).
  const byField = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    byField.set(key, [...(byField.get(key) ?? []), asSentence(issue.message)]);
  }
  const fieldErrors = Object.fromEntries(byField);
  throw new ValidationFailed(validationSummary(fieldErrors), fieldErrors);
}

/** The refusal for a form field or JSON key that names the prototype machinery. */
export function prototypeKeyRefused(name: string): ValidationFailed {
  const shown = JSON.stringify(name.slice(0, 100));
  return new ValidationFailed(t("validation.prototypeKeyLong", { name: shown }), { _form: [t("validation.prototypeKey", { name: shown })] });
}

/**
 * Form fields as an object without a prototype (so no field name can reach
 * Object.prototype). Keys ending in "[]" collect every value into an array (multi-selects,
 * repeated inputs); dotted keys ("labels.public") build nested objects; files stay File
 * objects; other keys keep their single value. A field named for the prototype machinery
 * ("__proto__.x", "constructor.prototype", "a[__proto__]") is refused with ValidationFailed.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (isPrototypeFieldName(key)) throw prototypeKeyRefused(key);
    if (typeof value !== "string") {
      // An empty file input still submits a nameless, empty file: that is "no file".
      if (value.size > 0 || value.name) out[key] = value;
      continue;
    }
    const text = value;
    if (key.endsWith("[]")) {
      const name = key.slice(0, -2);
      const list = (out[name] ??= []);
      if (Array.isArray(list)) list.push(text);
    } else if (key.includes(".")) {
      const [group, field] = key.split(".", 2) as [string, string];
      const nested = (out[group] ??= Object.create(null));
      if (nested !== null && typeof nested === "object" && !Array.isArray(nested)) (nested as Record<string, unknown>)[field] = text;
    } else {
      out[key] = text;
    }
  }
  return out;
}
