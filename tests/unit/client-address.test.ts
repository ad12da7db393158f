import { describe, expect, it } from "vitest";
import { isInRanges, normaliseAddress, parseAddressRanges, resolveClientAddress } from "@/lib/domain/client-address";

const proxies = parseAddressRanges("10.0.0.0/8, 192.168.1.7, fd00::/8");

describe("parseAddressRanges", () => {
  it("reads addresses and CIDRs, IPv4 and IPv6", () => {
    expect(proxies).toHaveLength(3);
    expect(parseAddressRanges("")).toEqual([]);
    expect(isInRanges("10.200.3.4", proxies)).toBe(true);
    expect(isInRanges("192.168.1.7", proxies)).toBe(true);
    expect(isInRanges("192.168.1.8", proxies)).toBe(false);
    expect(isInRanges("fd12::1", proxies)).toBe(true);
    expect(isInRanges("::ffff:10.1.2.3", proxies)).toBe(true);
    expect(isInRanges("not an address", proxies)).toBe(false);
  });

  it("names an entry that is neither", () => {
    expect(() => parseAddressRanges("10.0.0.0/8, proxy.internal")).toThrow(/"proxy\.internal" is neither/);
    expect(() => parseAddressRanges("10.0.0.0/33")).toThrow(/neither/);
  });
});

describe("normaliseAddress", () => {
  it("spells one address one way", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(normaliseAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normaliseAddress("unknown")).toBeNull();
    expect(normaliseAddress("")).toBeNull();
    expect(normaliseAddress(null)).toBeNull();
  });
});

describe("resolveClientAddress", () => {
  const resolve = (peer: string | null, forwardedFor: string | null, trustedProxies = proxies) => resolveClientAddress({ peer, forwardedFor, trustedProxies });

  it("without trusted proxies, is the peer, whatever X-Forwarded-For claims", () => {
    expect(resolve("203.0.113.7", "198.51.100.1", [])).toBe("203.0.113.7");
    expect(resolve("203.0.113.7", "198.51.100.1")).toBe("203.0.113.7");
    expect(resolve("::ffff:203.0.113.7", null)).toBe("203.0.113.7");
  });

  it("behind trusted proxies, is the rightmost address that is not one", () => {
    expect(resolve("10.0.0.2", "198.51.100.1")).toBe("198.51.100.1");
    expect(resolve("10.0.0.2", "198.51.100.1, 192.168.1.7")).toBe("198.51.100.1");
    // The client wrote the left part itself: it proves nothing.
    expect(resolve("10.0.0.2", "1.1.1.1, 6.6.6.6, 198.51.100.1")).toBe("198.51.100.1");
    expect(resolve("10.0.0.2", "10.0.0.9, 10.0.0.3")).toBe("10.0.0.9");
    expect(resolve("10.0.0.2", null)).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "  ")).toBe("10.0.0.2");
  });

  it("stops at an entry that is no address, at the hop that reported it", () => {
    expect(resolve("10.0.0.2", "198.51.100.1, garbage")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "garbage, 10.0.0.5")).toBe("10.0.0.5");
  });

  it("is null when the peer is unknown", () => {
    expect(resolve(null, "198.51.100.1")).toBeNull();
    expect(resolve("nonsense", "198.51.100.1")).toBeNull();
  });
});
