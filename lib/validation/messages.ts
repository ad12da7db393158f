import type { z } from "zod";
import { t, type MessageKey } from "../i18n/translate";

/**
 * Turns validation issues into sentences a person reads next to a field, in the language of the
 * request (lib/i18n/translate.ts). Schemas carry their own messages where they know better
 * (`tr("validation.…")`); zod's defaults ("Invalid input: expected string, received undefined")
 * never reach a person: `plainIssueMessage` replaces them, naming the field by its label in the
 * catalogue (`validation.fields.<key>`), or else by a label made from its key.
 */

/** A field's label from its path: the catalogue's word for the last named key, else the key in words ("managerSlaDays" → "Manager sla days"). */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((part): part is string => typeof part === "string");
  if (!key) return t("validation.thisValue");
  const known = `validation.fields.${key}` as MessageKey;
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(key) && t.has(known)) return t(known);
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : t("validation.thisValue");
}

/** A message as a sentence: capital first letter, a full stop (or other end mark) at the end; Chinese text keeps its own marks. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  if (/[.!?…)"”。！？）：:]$/.test(capital)) return capital;
  // A sentence ending in Chinese (or other CJK) text ends with the full-width full stop.
  return /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]$/.test(capital) ? `${capital}。` : `${capital}.`;
}

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

const KINDS = ["string", "number", "int", "bigint", "boolean", "array", "object", "date"] as const;
const FORMATS = ["email", "url", "uuid", "guid", "datetime", "date", "regex"] as const;

function kindWord(expected: string): string {
  return t(`validation.kind.${(KINDS as readonly string[]).includes(expected) ? (expected as (typeof KINDS)[number]) : "other"}`);
}

function formatWord(format: string): string {
  return t(`validation.format.${(FORMATS as readonly string[]).includes(format) ? (format as (typeof FORMATS)[number]) : "other"}`);
}

/** A plain sentence for one of zod's issue codes, for issues whose schema gave no message of its own. */
export function plainIssueMessage(issue: Issue): string {
  const label = fieldLabel(issue.path ?? []);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return t("validation.required", { label });
      return t("validation.mustBeKind", { label, kind: kindWord(issue.expected) });
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? t("validation.required", { label }) : t("validation.minLength", { label, min });
      if (issue.origin === "array" || issue.origin === "set") return t("validation.minItems", { label: label.toLowerCase(), min });
      return t("validation.minNumber", { label, min });
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return t("validation.maxLength", { label, max });
      if (issue.origin === "array" || issue.origin === "set") return t("validation.maxItems", { label, max });
      return t("validation.maxNumber", { label, max });
    }
    case "invalid_format":
      return t("validation.mustBeFormat", { label, format: formatWord(issue.format) });
    case "not_multiple_of":
      return t("validation.multipleOf", { label, divisor: Number(issue.divisor) });
    case "invalid_value": {
      const choices = issue.values.map((v) => String(v));
      return choices.length === 1 ? t("validation.mustBeValue", { label, value: choices[0]! }) : t("validation.mustBeOneOf", { label, values: choices.join(", ") });
    }
    case "unrecognized_keys":
      return t("validation.unrecognizedKeys", { count: issue.keys.length, keys: issue.keys.join(", ") });
    case "invalid_key":
    case "invalid_element":
    case "invalid_union":
    case "custom":
    default:
      return t("validation.notValid", { label });
  }
}

/**
 * The form-level sentence for a refused submission: which fields need attention and why.
 * `fieldErrors` maps a field's path ("purpose", "items.0.dataClass") to its messages; "_form"
 * holds problems with the whole form.
 */
export function validationSummary(fieldErrors: Record<string, string[]>): string {
  const entries = Object.entries(fieldErrors);
  const formWide = entries.filter(([field]) => field === "_form").flatMap(([, messages]) => messages.slice(0, 1));
  const fields = entries.filter(([field]) => field !== "_form");
  const details = fields.map(([field, messages]) => {
    const index = field.split(".").find((part) => /^\d+$/.test(part));
    const first = messages[0] ?? "";
    return index === undefined ? first : t("validation.item", { number: Number(index) + 1, message: first });
  });
  if (fields.length === 0) return formWide.join(" ") || t("validation.checkEntries");
  return [...formWide, t("validation.correctFields", { count: fields.length }), ...details].join(" ");
}
