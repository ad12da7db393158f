/**
 * SCIM filters (RFC 7644 §3.4.2.2), parsed by scimmy's Filter and checked against the attributes
 * Vetted can filter on in the database (lib/queries/scim.ts turns the result into SQL). Pure.
 *
 * scimmy hands back the filter in disjunctive normal form: a list of alternatives (`or`), each
 * an object of conditions that must all hold (`and`). Its rewriting of `not (a or b)` distributes
 * the `not` without turning `or` into `and` (it answers "not a, or not b"), so a `not` in front of
 * a parenthesised group of several terms is refused here rather than answered wrongly; `not` of
 * one comparison is exact.
 */
import SCIMMY from "scimmy";
import { SCIM_MESSAGES, ScimError } from "./scim-messages";

export const FILTER_OPERATORS = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr"] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface FilterCondition {
  /** One of the resource's filterable attributes, as listed in FILTERABLE (lower case). */
  attribute: string;
  operator: FilterOperator;
  value: string | number | boolean | null;
  negated: boolean;
}

/** Alternatives (or) of conjunctions (and). */
export type ParsedFilter = FilterCondition[][];

/** What each resource can be filtered on, in lower case: dotted sub-attributes where the RFC has them. */
export const FILTERABLE = {
  User: ["id", "username", "externalid", "displayname", "active", "emails", "emails.value", "name.givenname", "name.familyname", "meta.created", "meta.lastmodified"],
  Group: ["id", "displayname", "externalid", "members", "members.value", "meta.created", "meta.lastmodified"],
} as const;
export type ScimResourceName = keyof typeof FILTERABLE;

/** The attributes of a resource, as the RFC spells them, for messages. */
const SPELLED: Record<ScimResourceName, string[]> = {
  User: ["id", "userName", "externalId", "displayName", "active", "emails.value", "name.givenName", "name.familyName", "meta.created", "meta.lastModified"],
  Group: ["id", "displayName", "externalId", "members.value", "meta.created", "meta.lastModified"],
};

const MAX_TERMS = 50;
const URN_PREFIX = { User: "urn:ietf:params:scim:schemas:core:2.0:user:", Group: "urn:ietf:params:scim:schemas:core:2.0:group:" } as const;

/** The filter with its quoted strings blanked, to look at its structure. */
function structureOf(expression: string): string {
  return expression.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

/** A `not` over a parenthesised group of several terms (see above), which scimmy would answer wrongly. */
function negatesGroup(expression: string): boolean {
  const structure = structureOf(expression);
  for (const match of structure.matchAll(/\bnot\s*\(/gi)) {
    let depth = 0;
    for (let i = match.index! + match[0].length - 1; i < structure.length; i++) {
      if (structure[i] === "(") depth++;
      else if (structure[i] === ")" && --depth === 0) {
        if (/\b(and|or)\b|\(/i.test(structure.slice(match.index! + match[0].length, i))) return true;
        break;
      }
    }
  }
  return false;
}

export function parseScimFilter(expression: string, resource: ScimResourceName): ParsedFilter {
  const trimmed = expression.trim();
  if (trimmed === "") throw new ScimError(400, SCIM_MESSAGES.filterSyntax("it is empty."), "invalidFilter");
  if (trimmed.length > 4000) throw new ScimError(400, SCIM_MESSAGES.filterSyntax("it is longer than 4000 characters."), "invalidFilter");
  // PostgreSQL text holds no NUL: no stored value can match one, and the database would refuse the query.
  if (trimmed.includes("\u0000")) throw new ScimError(400, SCIM_MESSAGES.filterSyntax("it contains a NUL character."), "invalidFilter");
  if (negatesGroup(trimmed)) throw new ScimError(400, SCIM_MESSAGES.filterSyntax('"not (…)" of several terms is not supported; put not before each comparison.'), "invalidFilter");
  let parsed: unknown[];
  try {
    parsed = [...new SCIMMY.Types.Filter(trimmed)];
  } catch (error) {
    throw new ScimError(400, SCIM_MESSAGES.filterSyntax(error instanceof Error ? error.message : "it could not be read."), "invalidFilter");
  }
  const alternatives: ParsedFilter = parsed.map((term) => conjunction(term, "", resource));
  if (alternatives.reduce((n, all) => n + all.length, 0) > MAX_TERMS) throw new ScimError(400, SCIM_MESSAGES.filterTooComplex, "invalidFilter");
  return alternatives;
}

function conjunction(term: unknown, prefix: string, resource: ScimResourceName): FilterCondition[] {
  if (!term || typeof term !== "object" || Array.isArray(term)) throw new ScimError(400, SCIM_MESSAGES.filterSyntax("it could not be read."), "invalidFilter");
  const conditions: FilterCondition[] = [];
  for (const [key, value] of Object.entries(term as Record<string, unknown>)) {
    const attribute = `${prefix}${key.toLowerCase().replace(URN_PREFIX[resource], "")}`;
    if (Array.isArray(value)) {
      const comparisons = Array.isArray(value[0]) ? (value as unknown[][]) : [value];
      for (const comparison of comparisons) conditions.push(condition(attribute, comparison, resource));
    } else {
      conditions.push(...conjunction(value, `${attribute}.`, resource));
    }
  }
  return conditions;
}

function condition(attribute: string, comparison: unknown[], resource: ScimResourceName): FilterCondition {
  if (!(FILTERABLE[resource] as readonly string[]).includes(attribute)) throw new ScimError(400, SCIM_MESSAGES.filterAttribute(attribute, `${resource}s`, SPELLED[resource]), "invalidFilter");
  const negated = comparison[0] === "not";
  const operands = negated ? comparison.slice(1) : comparison;
  const [operator, value = null] = operands;
  const op = String(operator).toLowerCase();
  if (!(FILTER_OPERATORS as readonly string[]).includes(op)) throw new ScimError(400, SCIM_MESSAGES.filterOperator(op, attribute), "invalidFilter");
  // `userName eq` with nothing after it (scimmy reads it as a comparison with no value).
  if (op !== "pr" && operands.length < 2) throw new ScimError(400, SCIM_MESSAGES.filterSyntax(`${attribute} ${op} needs a value to compare with.`), "invalidFilter");
  if (value !== null && typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    throw new ScimError(400, SCIM_MESSAGES.filterSyntax(`the value compared with ${attribute} is not a string, number, boolean or null.`), "invalidFilter");
  }
  return { attribute, operator: op as FilterOperator, value, negated };
}
