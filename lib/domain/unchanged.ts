/**
 * Whether saving `wanted` over `current` would change nothing: each wanted field equals the
 * current one, compared as JSON (a Date by its ISO time, absent as null). A form saved unchanged
 * is then a no-op: nothing written, nothing audited. When in doubt (say, keys in another order)
 * it answers false, and the save goes ahead as a change.
 */
export function isUnchanged(current: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).every(([key, value]) => JSON.stringify(current[key] ?? null) === JSON.stringify(value ?? null));
}
