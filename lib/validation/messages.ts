import type { z } from "zod";

/**
 * Turns validation issues into sentences a person reads next to a field. Schemas carry their
 * own messages where they know better; zod's defaults ("Invalid input: expected string,
 * received undefined", "Too small: expected string to have >=1 characters") never reach a
 * person: `plainIssueMessage` replaces them, naming the field by a label made from its key.
 */

/** A field's label from its path: the last named key, in words ("managerSlaDays" → "Manager sla days"). */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((part): part is string => typeof part === "string");
  if (!key) return "This value";
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "This value";
}

/** A message as a sentence: capital first letter, a full stop (or other end mark) at the end. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?…)"”]$/.test(capital) ? capital : `${capital}.`;
}

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

const KIND: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "a set of fields",
  date: "a date",
};

const FORMAT: Record<string, string> = {
  email: "an email address",
  url: "a web address (URL)",
  uuid: "a valid id",
  guid: "a valid id",
  datetime: "a date and time",
  date: "a date (YYYY-MM-DD)",
  regex: "in the expected format",
};

function plural(n: number | bigint, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

/** A plain sentence for one of zod's issue codes, for issues whose schema gave no message of its own. */
export function plainIssueMessage(issue: Issue): string {
  const label = fieldLabel(issue.path ?? []);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return `${label} is required.`;
      return `${label} must be ${KIND[issue.expected] ?? "a different kind of value"}.`;
    case "too_small": {
      const min = issue.minimum;
      if (issue.origin === "string") return Number(min) <= 1 ? `${label} is required.` : `${label} must be at least ${plural(min, "character", "characters")} long.`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose at least ${plural(min, "item", "items")} for ${label.toLowerCase()}.`;
      return `${label} must be at least ${min}.`;
    }
    case "too_big": {
      const max = issue.maximum;
      if (issue.origin === "string") return `${label} must be at most ${plural(max, "character", "characters")} long.`;
      if (issue.origin === "array" || issue.origin === "set") return `${label} may list at most ${plural(max, "item", "items")}.`;
      return `${label} must be at most ${max}.`;
    }
    case "invalid_format":
      return `${label} must be ${FORMAT[issue.format] ?? "in the expected format"}.`;
    case "not_multiple_of":
      return `${label} must be a multiple of ${issue.divisor}.`;
    case "invalid_value": {
      const choices = issue.values.map((v) => String(v));
      return choices.length === 1 ? `${label} must be ${choices[0]}.` : `${label} must be one of: ${choices.join(", ")}.`;
    }
    case "unrecognized_keys":
      return `${plural(issue.keys.length, "field is", "fields are")} not accepted here: ${issue.keys.join(", ")}.`;
    case "invalid_key":
    case "invalid_element":
    case "invalid_union":
    case "custom":
    default:
      return `${label} is not valid.`;
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
    return index === undefined ? first : `Item ${Number(index) + 1}: ${first}`;
  });
  if (fields.length === 0) return formWide.join(" ") || "Please check what you entered.";
  const lead = fields.length === 1 ? "Please correct 1 field:" : `Please correct ${fields.length} fields:`;
  return [...formWide, lead, ...details].join(" ");
}
