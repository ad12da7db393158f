import ipaddr from "ipaddr.js";

/**
 * Who is on the other end of a request. The socket's peer is the only address nobody can
 * forge; X-Forwarded-For counts only for hops through proxies named in TRUSTED_PROXIES, read
 * from the right (each proxy appends the address it saw): the client is the rightmost address
 * that is not a trusted proxy. Entries left of it were written by the client and prove nothing.
 */
export type AddressRange = readonly [ipaddr.IPv4 | ipaddr.IPv6, number];

/** "10.0.0.0/8, 192.168.1.7, fd00::/8" → ranges; throws naming the first entry that is neither an address nor a CIDR. */
export function parseAddressRanges(spec: string): AddressRange[] {
  return spec
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (ipaddr.isValidCIDR(entry)) {
        const [address, bits] = ipaddr.parseCIDR(entry);
        return normaliseRange(address, bits);
      }
      if (ipaddr.isValid(entry)) {
        const address = ipaddr.process(entry);
        return [address, address.kind() === "ipv4" ? 32 : 128] as const;
      }
      throw new Error(`"${entry.slice(0, 60)}" is neither an IP address nor a CIDR range`);
    });
}

/** An IPv4-mapped IPv6 range (::ffff:10.0.0.0/104) is the IPv4 range it stands for. */
function normaliseRange(address: ipaddr.IPv4 | ipaddr.IPv6, bits: number): AddressRange {
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [address, bits];
}

/** The canonical spelling of an address (IPv4-mapped IPv6 as IPv4, IPv6 compressed), or null if it is none. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234", as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  // Zone ids (fe80::1%eth0) name an interface, not a client.
  value = value.replace(/%.*$/, "");
  if (!ipaddr.isValid(value)) return null;
  return ipaddr.process(value).toString();
}

export function isInRanges(address: string, ranges: readonly AddressRange[]): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

/**
 * The client's address: the peer, unless the peer is a trusted proxy; then, walking
 * X-Forwarded-For from the right, the first address that is not a trusted proxy (or the
 * leftmost, when every hop is one). An entry that is no address ends the walk at the hop
 * that reported it. Null when the peer is unknown.
 */
export function resolveClientAddress(input: { peer: string | null; forwardedFor: string | null; trustedProxies: readonly AddressRange[] }): string | null {
  const peer = normaliseAddress(input.peer);
  if (!peer) return null;
  if (!isInRanges(peer, input.trustedProxies) || !input.forwardedFor) return peer;
  const hops = input.forwardedFor.split(",").map((hop) => hop.trim()).filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    if (!hop) return client;
    client = hop;
    if (!isInRanges(hop, input.trustedProxies)) return hop;
  }
  return client;
}
