/**
 * Where outgoing webhooks and chat posts may go. A receiver must be a public address: never this
 * host, the local network or a cloud's metadata service (server-side request forgery), however
 * the address is written — unless an admin names internal receivers (WEBHOOK_ALLOWED_HOSTS,
 * WEBHOOK_ALLOWED_CIDRS). Pure: the delivery code resolves names and asks `addressRefusal` about
 * every address it may connect to, on every delivery; the save-time checks here only give an
 * early, clear message.
 */
import ipaddr from "ipaddr.js";

export interface AddressPolicy {
  /** Lower-case names; "*.example.internal" stands for every name under it (not the name itself). */
  allowedHosts: readonly string[];
  allowedCidrs: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export const OPEN_POLICY_NOTE = "an admin can allow internal receivers with WEBHOOK_ALLOWED_HOSTS or WEBHOOK_ALLOWED_CIDRS";

/** What the delivery log says of a refused address: the same whatever the address was, so it maps nothing. */
export const ADDRESS_REFUSED_MESSAGE = "refused by address policy";

/** Thrown by the delivery code before it connects anywhere the policy refuses. */
export class AddressRefused extends Error {
  constructor(readonly range: string) {
    super(ADDRESS_REFUSED_MESSAGE);
    this.name = "AddressRefused";
  }
}

const HOST_PATTERN = /^(\*\.)?([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Why an entry of WEBHOOK_ALLOWED_HOSTS is not a host name, or null. */
export function allowedHostProblem(entry: string): string | null {
  return HOST_PATTERN.test(entry.toLowerCase()) ? null : `"${entry}" is not a host name (e.g. hooks.corp.example or *.corp.example)`;
}

/** Why an entry of WEBHOOK_ALLOWED_CIDRS is not a CIDR block, or null. */
export function allowedCidrProblem(entry: string): string | null {
  return ipaddr.isValidCIDR(entry) ? null : `"${entry}" is not a CIDR block (e.g. 10.20.0.0/16 or fd12:3456::/48)`;
}

/** Comma- or whitespace-separated entries, empty ones dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The policy from the configuration's lists (already checked by `allowedHostProblem` and `allowedCidrProblem`). */
export function addressPolicy(lists: { allowedHosts?: readonly string[]; allowedCidrs?: readonly string[] } = {}): AddressPolicy {
  return {
    allowedHosts: (lists.allowedHosts ?? []).map((h) => normaliseHost(h)),
    allowedCidrs: (lists.allowedCidrs ?? []).map((c) => ipaddr.parseCIDR(c)),
  };
}

function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, "");
}

// ---- Addresses ------------------------------------------------------------------------------

function ipv4FromParts(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The first non-public IPv4 address among those embedded, as "range (how it was embedded)", or "unicast". */
function embedded(addresses: ipaddr.IPv4[], how: string): string {
  for (const v4 of addresses) {
    const range = v4.range();
    if (range !== "unicast") return `${range} (${how})`;
  }
  return "unicast";
}

/**
 * The range an address falls in, "unicast" for a public one. IPv6 forms that carry an IPv4
 * address (mapped, translated, NAT64, 6to4, Teredo) are judged by the address they carry, since
 * that is where a gateway or the kernel sends the packets.
 */
export function addressRange(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (address.kind() === "ipv4") return (address as ipaddr.IPv4).range();
  const v6 = address as ipaddr.IPv6;
  const p = v6.parts as [number, number, number, number, number, number, number, number];
  const range = v6.range();
  switch (range) {
    case "ipv4Mapped":
      return embedded([ipv4FromParts(p[6], p[7])], "IPv4-mapped");
    case "rfc6145":
      return embedded([ipv4FromParts(p[6], p[7])], "IPv4-translated");
    case "rfc6052":
      // 64:ff9b::/96 carries the address in its last 32 bits; 64:ff9b:1::/48 is for a network's own translators.
      if (p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0) return embedded([ipv4FromParts(p[6], p[7])], "NAT64");
      return "reserved (local-use NAT64)";
    case "6to4":
      return embedded([ipv4FromParts(p[1], p[2])], "6to4");
    case "teredo":
      // 2001:0:<server>:<flags>:<port>:<client, inverted>.
      return embedded([ipv4FromParts(p[2], p[3]), ipv4FromParts(p[6] ^ 0xffff, p[7] ^ 0xffff)], "Teredo");
    case "unicast":
      // ::/96 (IPv4-compatible, deprecated since 2006): no receiver is addressed that way.
      if (p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0) return "reserved (IPv4-compatible)";
      // Only 2000::/3 is handed out as global unicast.
      return (p[0] & 0xe000) === 0x2000 ? "unicast" : "reserved";
    default:
      return range;
  }
}

/** An IP address written as a URL's host ("127.0.0.1", "[::1]") or as a resolver returns it; null for a name. */
export function literalAddress(host: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return ipaddr.IPv4.parse(bare);
  if (bare.includes(":") && ipaddr.IPv6.isValid(bare)) return ipaddr.IPv6.parse(bare);
  return null;
}

function inAllowedCidr(address: ipaddr.IPv4 | ipaddr.IPv6, policy: AddressPolicy): boolean {
  const forms = [address];
  // An IPv4 block also covers the IPv4-mapped spelling of its addresses.
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) forms.push((address as ipaddr.IPv6).toIPv4Address());
  return policy.allowedCidrs.some(([network, bits]) => forms.some((a) => a.kind() === network.kind() && a.match(network, bits)));
}

/**
 * Why the delivery code must not connect to this address (the range it falls in), or null when
 * it may: a public address, or one in an allowed CIDR block. An unparsable address is refused.
 */
export function addressRefusal(address: string, policy: AddressPolicy): string | null {
  const parsed = literalAddress(address);
  if (!parsed) return "not an IP address";
  if (inAllowedCidr(parsed, policy)) return null;
  const range = addressRange(parsed);
  return range === "unicast" ? null : range;
}

/** An admin named this host as an internal receiver: whatever it resolves to is allowed. */
export function hostAllowed(host: string, policy: AddressPolicy): boolean {
  const name = normaliseHost(host);
  return policy.allowedHosts.some((entry) => (entry.startsWith("*.") ? name.endsWith(entry.slice(1)) : name === entry));
}

// ---- Names, at save time --------------------------------------------------------------------

/** Special-use names (RFC 6761, 6762, 8375, and the clouds' metadata names) that never name a public receiver. */
const LOCAL_SUFFIXES = ["localhost", "local", "internal", "localdomain", "home.arpa", "in-addr.arpa", "ip6.arpa", "intranet", "corp", "lan"];

/** A non-public IPv4 address spelled out in a name ("169.254.169.254.nip.io", "10-0-0-1.sslip.io", "7f000001.nip.io"), or null. */
function spelledOutAddress(name: string): string | null {
  const labels = name.split(".");
  const candidates: string[] = [];
  for (let i = 0; i + 4 <= labels.length; i++) candidates.push(labels.slice(i, i + 4).join("."));
  for (const label of labels) {
    const dashed = /(?:^|-)(\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3})(?:-|$)/.exec(label)?.[1];
    if (dashed) candidates.push(dashed.replaceAll("-", "."));
    if (/^[0-9a-f]{8}$/.test(label)) {
      const n = Number.parseInt(label, 16);
      candidates.push([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join("."));
    }
  }
  for (const candidate of candidates) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(candidate)) continue;
    const range = ipaddr.IPv4.parse(candidate).range();
    if (range !== "unicast") return range;
  }
  return null;
}

/**
 * Why a URL's host cannot receive deliveries, for a clear message when the URL is saved: a
 * literal address the policy refuses, a local-only name, or a name that spells out a local
 * address for a wildcard DNS service. A name that merely resolves to a local address is caught
 * when delivering, which is the protection (DNS answers change).
 */
export function hostRefusal(host: string, policy: AddressPolicy): string | null {
  if (hostAllowed(host, policy)) return null;
  const literal = literalAddress(host);
  if (literal) {
    const refusal = addressRefusal(literal.toString(), policy);
    return refusal ? `${refusal} address` : null;
  }
  const name = normaliseHost(host);
  const suffix = LOCAL_SUFFIXES.find((s) => name === s || name.endsWith(`.${s}`));
  if (suffix) return `a local name (.${suffix})`;
  if (!name.includes(".")) return "a single-label name (resolved on the local network only)";
  const spelled = spelledOutAddress(name);
  return spelled ? `a name that spells out a ${spelled} address` : null;
}

/** The save-time message for a refused host, naming the way out. */
export function hostRefusalMessage(refusal: string): string {
  return `That address cannot receive deliveries: ${refusal} is refused by the address policy (${OPEN_POLICY_NOTE})`;
}
