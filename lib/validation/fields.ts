import { z } from "zod";
import { findPrototypeKey } from "../domain/prototype-keys";

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f]/;

/** One line of text: trimmed, bounded, no control characters (NUL would fail in PostgreSQL). */
export function line(label: string, max: number) {
  return z
    .string({ message: `${label} is required` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !CONTROL_OR_NEWLINE.test(v), `${label} contains characters that cannot be saved (control characters); remove them.`);
}

export function requiredLine(label: string, max: number) {
  return line(label, max).refine((v) => v.length > 0, `${label} is required`);
}

/** Several lines of text (descriptions, rationales). */
export function paragraph(label: string, max: number) {
  return z
    .string({ message: `${label} is required` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !CONTROL_CHARS.test(v), `${label} contains characters that cannot be saved (control characters); remove them.`);
}

/** An optional form value: "" and absent both mean "not given". */
export function optional<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
}

/** A URL name as lib/domain/slug.ts makes them: lower-case letters and digits in hyphenated runs ("cursor", "cursor-2"). */
export const slug = (label: string) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .max(100, `${label} must be at most 100 characters`)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `${label} must be lower-case letters and digits joined by hyphens, e.g. "github-copilot"`);

export const uuid = (label: string) => z.uuid({ message: `${label} is not a valid choice; reload the page and try again.` });

export const httpUrl = (label: string) =>
  z
    .url({ message: `${label} must be a web address starting with http:// or https://.`, protocol: /^https?$/ })
    .max(500, `${label} must be at most 500 characters`);

export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export const isoDate = (label: string) =>
  z
    .string({ message: `${label} is required.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date such as 2026-12-31.`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `${label} is not a date in the calendar.`);

/** A structured value that a form sends as one JSON field, then checked with `schema`. */
export function jsonField<S extends z.ZodType>(schema: S, label: string, maxChars: number) {
  return z
    .string({ message: `${label} is missing` })
    .max(maxChars, `${label} is too large.`)
    .transform((text, ctx) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: `${label} is not valid JSON` });
        return z.NEVER;
      }
      const prototypeKey = findPrototypeKey(value);
      if (prototypeKey !== null) {
        ctx.addIssue({ code: "custom", message: `${label} cannot be saved: ${JSON.stringify(prototypeKey.slice(0, 100))} is not accepted as a key.` });
        return z.NEVER;
      }
      return value;
    })
    .pipe(schema);
}

/** One item per line; blank lines ignored. */
export const lines = (label: string, maxItems: number) =>
  paragraph(label, 8000)
    .default("")
    .transform((text) => [...new Set(text.split("\n").map((l) => l.trim()).filter(Boolean))])
    .refine((list) => list.length <= maxItems, `${label} may list at most ${maxItems} lines.`)
    .refine((list) => list.every((l) => l.length <= 200), `Each line of ${label.toLowerCase()} must be at most 200 characters.`);
