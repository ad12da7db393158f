import { z } from "zod";
import { findPrototypeKey } from "../domain/prototype-keys";
import { t, type MessageKey } from "../i18n/translate";

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f]/;

/**
 * A field's name as messages use it: a catalogue key (`"validation.fields.name"`, or a key of the
 * form's own namespace), read in the language of the request when the input is checked.
 */
export type FieldLabel = MessageKey | (string & {});

/**
 * The label in the current language. A label that is not a key is shown as written: only while
 * forms move to the catalogues (tests/unit/no-literal-messages.test.ts refuses new ones).
 */
export function labelText(label: FieldLabel): string {
  return t.has(label as MessageKey) ? t(label as MessageKey) : label;
}

/** A message about a field, made when the input is checked (so in the reader's language). */
function about(key: MessageKey, label: FieldLabel, values: Record<string, string | number> = {}) {
  return { error: () => t(key, { label: labelText(label), ...values }) };
}

/** One line of text: trimmed, bounded, no control characters (NUL would fail in PostgreSQL). */
export function line(label: FieldLabel, max: number) {
  return z
    .string(about("validation.field.isRequired", label))
    .trim()
    .max(max, about("validation.field.maxCharacters", label, { max }))
    .refine((v) => !CONTROL_OR_NEWLINE.test(v), about("validation.field.controlCharacters", label));
}

export function requiredLine(label: FieldLabel, max: number) {
  return line(label, max).refine((v) => v.length > 0, about("validation.field.isRequired", label));
}

/** Several lines of text (descriptions, rationales). */
export function paragraph(label: FieldLabel, max: number) {
  return z
    .string(about("validation.field.isRequired", label))
    .trim()
    .max(max, about("validation.field.maxCharacters", label, { max }))
    .refine((v) => !CONTROL_CHARS.test(v), about("validation.field.controlCharacters", label));
}

/** An optional form value: "" and absent both mean "not given". */
export function optional<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
}

/** A URL name as lib/domain/slug.ts makes them: lower-case letters and digits in hyphenated runs ("cursor", "cursor-2"). */
export const slug = (label: FieldLabel) =>
  z
    .string(about("validation.field.isRequired", label))
    .trim()
    .max(100, about("validation.field.maxCharacters", label, { max: 100 }))
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, about("validation.field.slugFormat", label));

export const uuid = (label: FieldLabel) => z.uuid(about("validation.field.staleChoice", label));

export const httpUrl = (label: FieldLabel) =>
  z.url({ ...about("validation.field.httpUrl", label), protocol: /^https?$/ }).max(500, about("validation.field.maxCharacters", label, { max: 500 }));

export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export const isoDate = (label: FieldLabel) =>
  z
    .string(about("validation.field.dateRequired", label))
    .regex(/^\d{4}-\d{2}-\d{2}$/, about("validation.field.dateFormat", label))
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), about("validation.field.dateNotInCalendar", label));

/** A structured value that a form sends as one JSON field, then checked with `schema`. */
export function jsonField<S extends z.ZodType>(schema: S, label: FieldLabel, maxChars: number) {
  return z
    .string(about("validation.field.jsonMissing", label))
    .max(maxChars, about("validation.field.jsonTooLarge", label))
    .transform((text, ctx) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: t("validation.field.jsonInvalid", { label: labelText(label) }) });
        return z.NEVER;
      }
      const prototypeKey = findPrototypeKey(value);
      if (prototypeKey !== null) {
        ctx.addIssue({ code: "custom", message: t("validation.field.jsonPrototypeKey", { label: labelText(label), key: JSON.stringify(prototypeKey.slice(0, 100)) }) });
        return z.NEVER;
      }
      return value;
    })
    .pipe(schema);
}

/** One item per line; blank lines ignored. */
export const lines = (label: FieldLabel, maxItems: number) =>
  paragraph(label, 8000)
    .default("")
    .transform((text) => [...new Set(text.split("\n").map((l) => l.trim()).filter(Boolean))])
    .refine((list) => list.length <= maxItems, about("validation.field.linesMax", label, { max: maxItems }))
    .refine((list) => list.every((l) => l.length <= 200), { error: () => t("validation.field.lineTooLong", { label: labelText(label).toLowerCase() }) });

