/**
 * Names that reach an object's prototype machinery when used as a property key. A form field
 * or JSON key spelled like one is never a real field of Vetted: callers refuse it.
 */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * The path segments of a form field name: "labels.public" → labels, public; "tags[]" → tags;
 * "a[b]" → a, b. React's reply encoding prefixes a bound form's fields with "_<n>_"
 * ("_1___proto__.x") and strips the prefix before the action sees them, but a hand-made
 * request can still send one, so a segment counts with and without such a prefix.
 */
function fieldSegments(name: string): string[] {
  return name.split(/[.[\]]+/).flatMap((segment) => [segment, segment.replace(/^_\d+_/, "")]);
}

/** Whether a form field name has a segment that names the prototype machinery. */
export function isPrototypeFieldName(name: string): boolean {
  return fieldSegments(name).some((segment) => PROTOTYPE_KEYS.has(segment));
}

/**
 * The path ("software.0.__proto__") of the first key, at any depth of a parsed JSON value,
 * that is "__proto__", "constructor" or "prototype"; null when there is none. JSON.parse
 * makes such a key an own property (no pollution yet), but any later copy by assignment (a
 * record schema, a merge) would reach the prototype: refusing at the edge keeps that from
 * ever mattering. Iterative, so deeply nested input cannot overflow the stack.
 */
export function findPrototypeKey(value: unknown): string | null {
  const pending: Array<[unknown, string]> = [[value, ""]];
  while (pending.length) {
    const [item, at] = pending.pop()!;
    if (item === null || typeof item !== "object") continue;
    for (const key of Object.keys(item)) {
      const path = at ? `${at}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return path;
      pending.push([(item as Record<string, unknown>)[key], path]);
    }
  }
  return null;
}
