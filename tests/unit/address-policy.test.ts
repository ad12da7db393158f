import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/lib/config";
import { addressPolicy, addressRefusal, hostAllowed, hostRefusal } from "@/lib/domain/address-policy";

const closed = addressPolicy();

/** The host as the app sees it: through the WHATWG URL parser, which normalises numeric IPv4 spellings. */
const hostOf = (url: string) => new URL(url).hostname;

describe("the address policy at save time (URL hosts)", () => {
  it("refuses every spelling of loopback, link-local and the metadata service the attack used", () => {
    const refused: [string, RegExp][] = [
      ["http://localhost:8080/", /local name \(\.localhost\)/],
      ["http://api.localhost/", /local name/],
      ["http://2130706433/", /loopback address/],
      ["http://0x7f000001/", /loopback address/],
      ["http://0177.0.0.1/", /loopback address/],
      ["http://127.1/", /loopback address/],
      ["http://127.0.0.1/", /loopback address/],
      ["http://[::ffff:127.0.0.1]/", /loopback \(IPv4-mapped\) address/],
      ["http://[::1]/", /loopback address/],
      ["http://receiver/", /single-label name/],
      ["http://metadata.google.internal/computeMetadata/v1/", /local name \(\.internal\)/],
      ["http://169.254.169.254.nip.io/", /spells out a linkLocal address/],
      ["http://10-0-0-1.sslip.io/", /spells out a private address/],
      ["http://7f000001.nip.io/", /spells out a loopback address/],
      ["http://[::a9fe:a9fe]/", /IPv4-compatible/],
      ["http://[64:ff9b::a9fe:a9fe]/", /linkLocal \(NAT64\) address/],
      ["http://[fd00:ec2::254]/", /uniqueLocal address/],
      ["http://169.254.169.254/latest/meta-data", /linkLocal address/],
      ["http://2852039166/", /linkLocal address/],
      ["http://100.64.0.1/", /carrierGradeNat address/],
      ["http://192.168.1.1/", /private address/],
      ["http://0.0.0.0/", /unspecified address/],
      ["http://[::]/", /unspecified address/],
      ["http://255.255.255.255/", /broadcast address/],
      ["http://224.0.0.1/", /multicast address/],
      ["http://[ff02::1]/", /multicast address/],
      ["http://240.0.0.1/", /reserved address/],
      ["http://printer.local/", /local name \(\.local\)/],
      ["http://router.home.arpa/", /local name/],
    ];
    for (const [url, reason] of refused) expect(hostRefusal(hostOf(url), closed), url).toMatch(reason);
  });

  it("lets public names and addresses through", () => {
    for (const url of ["https://hooks.slack.com/services/T/B/x", "https://8.8.8.8/", "https://[2606:4700:4700::1111]/", "https://1.2.3.4.example.com/", "https://deadbeef.example.com/"]) {
      expect(hostRefusal(hostOf(url), closed), url).toBeNull();
    }
  });

  it("lets an admin name internal receivers by host or CIDR block", () => {
    const policy = addressPolicy({ allowedHosts: ["hooks.corp.example", "*.svc.internal", "localhost"], allowedCidrs: ["10.20.0.0/16", "fd00:ec2::/32", "127.0.0.1/32"] });
    expect(hostRefusal("hooks.corp.example", policy)).toBeNull();
    expect(hostRefusal("HOOKS.corp.example.", policy)).toBeNull();
    expect(hostRefusal("ci.svc.internal", policy)).toBeNull();
    expect(hostRefusal("svc.internal", policy)).toMatch(/local name/);
    expect(hostRefusal("localhost", policy)).toBeNull();
    expect(hostRefusal("10.20.3.4", policy)).toBeNull();
    expect(hostRefusal("10.21.3.4", policy)).toMatch(/private/);
    expect(hostRefusal(hostOf("http://[fd00:ec2::254]/"), policy)).toBeNull();
    expect(hostRefusal(hostOf("http://127.1/"), policy)).toBeNull();
    expect(hostRefusal(hostOf("http://127.0.0.2/"), policy)).toMatch(/loopback/);
    expect(hostAllowed("evil.example", policy)).toBe(false);
  });
});

describe("the address policy at delivery (resolved addresses)", () => {
  it("refuses non-public addresses and every IPv6 form that carries one", () => {
    const refused: [string, string][] = [
      ["127.0.0.1", "loopback"],
      ["127.255.255.254", "loopback"],
      ["10.0.0.1", "private"],
      ["172.16.0.1", "private"],
      ["192.168.0.1", "private"],
      ["169.254.169.254", "linkLocal"],
      ["100.64.0.1", "carrierGradeNat"],
      ["100.127.255.254", "carrierGradeNat"],
      ["0.0.0.0", "unspecified"],
      ["0.1.2.3", "unspecified"],
      ["255.255.255.255", "broadcast"],
      ["224.0.0.251", "multicast"],
      ["239.255.255.250", "multicast"],
      ["240.0.0.1", "reserved"],
      ["192.0.0.8", "reserved"],
      ["198.18.0.1", "reserved"],
      ["::1", "loopback"],
      ["::", "unspecified"],
      ["fe80::1", "linkLocal"],
      ["fc00::1", "uniqueLocal"],
      ["fd00:ec2::254", "uniqueLocal"],
      ["ff02::1", "multicast"],
      ["fec0::1", "deprecatedSiteLocal"],
      ["::ffff:127.0.0.1", "loopback (IPv4-mapped)"],
      ["::ffff:a9fe:a9fe", "linkLocal (IPv4-mapped)"],
      ["::ffff:0:10.0.0.1", "private (IPv4-translated)"],
      ["::a9fe:a9fe", "reserved (IPv4-compatible)"],
      // As resolvers and the URL parser write ::127.0.0.1 and ::8.8.8.8.
      ["::7f00:1", "reserved (IPv4-compatible)"],
      ["::808:808", "reserved (IPv4-compatible)"],
      ["64:ff9b::a9fe:a9fe", "linkLocal (NAT64)"],
      ["64:ff9b::127.0.0.1", "loopback (NAT64)"],
      ["64:ff9b:1::a9fe:a9fe", "reserved (local-use NAT64)"],
      ["2002:7f00:1::1", "loopback (6to4)"],
      ["2002:a9fe:a9fe::1", "linkLocal (6to4)"],
      // Teredo: client 127.0.0.1 is carried inverted (80ff:fffe); server 65.54.227.120 is public.
      ["2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback (Teredo)"],
      // Teredo with a private server address.
      ["2001:0:a00:1:8000:63bf:3fff:fdd2", "private (Teredo)"],
      ["2001:db8::1", "reserved"],
      ["100::1", "discard"],
      ["3fff::1", "reserved"],
      ["4000::1", "reserved"],
      ["not an address", "not an IP address"],
    ];
    for (const [address, range] of refused) expect(addressRefusal(address, closed), address).toBe(range);
  });

  it("allows public addresses, and public addresses carried by NAT64 or 6to4", () => {
    for (const address of ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7"]) {
      expect(addressRefusal(address, closed), address).toBeNull();
    }
  });

  it("allows addresses in an allowed CIDR block, IPv4 blocks covering their IPv4-mapped spelling", () => {
    const policy = addressPolicy({ allowedCidrs: ["127.0.0.1/32", "10.20.0.0/16", "fd00:ec2::/32"] });
    expect(addressRefusal("127.0.0.1", policy)).toBeNull();
    expect(addressRefusal("::ffff:127.0.0.1", policy)).toBeNull();
    expect(addressRefusal("127.0.0.2", policy)).toBe("loopback");
    expect(addressRefusal("::1", policy)).toBe("loopback");
    expect(addressRefusal("10.20.255.1", policy)).toBeNull();
    expect(addressRefusal("fd00:ec2::254", policy)).toBeNull();
    expect(addressRefusal("169.254.169.254", policy)).toBe("linkLocal");
  });
});

describe("the allow-list's configuration", () => {
  const env = { NODE_ENV: "test", AUTH_SECRET: "x".repeat(40), DATABASE_URL: "postgres://127.0.0.1/x" } as const;

  it("reads comma-separated hosts and CIDR blocks", () => {
    const cfg = loadConfig({ ...env, WEBHOOK_ALLOWED_HOSTS: "hooks.corp.example, *.svc.internal", WEBHOOK_ALLOWED_CIDRS: "10.20.0.0/16,fd00::/8" });
    expect(cfg.webhooks.allowedHosts).toEqual(["hooks.corp.example", "*.svc.internal"]);
    expect(cfg.webhooks.allowedCidrs).toEqual(["10.20.0.0/16", "fd00::/8"]);
    expect(loadConfig(env).webhooks).toMatchObject({ allowedHosts: [], allowedCidrs: [] });
  });

  it("refuses a bad entry, naming the variable", () => {
    expect(() => loadConfig({ ...env, WEBHOOK_ALLOWED_CIDRS: "10.20.0.0" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, WEBHOOK_ALLOWED_CIDRS: "10.20.0.0/33" })).toThrow(/WEBHOOK_ALLOWED_CIDRS: "10.20.0.0\/33" is not a CIDR block/);
    expect(() => loadConfig({ ...env, WEBHOOK_ALLOWED_HOSTS: "http://hooks.corp.example/" })).toThrow(/WEBHOOK_ALLOWED_HOSTS: .* is not a host name/);
  });
});
