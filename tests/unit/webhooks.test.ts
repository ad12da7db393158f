import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import {
  generateWebhookSecret,
  LEGACY_WEBHOOK_SECRET_PATTERN,
  standardWebhookHeaders,
  standardWebhookSecret,
  webhookSigningKey,
  signatureHeader,
  SIGNATURE_TOLERANCE_SECONDS,
  verifyWebhookSignature,
  WEBHOOK_SECRET_PATTERN,
  webhookSecretHint,
} from "@/lib/domain/webhook-signature";
import {
  classificationChanged,
  classificationChangedData,
  describeNetworkError,
  describeWebhookUrl,
  grantData,
  nextAttemptAt,
  parseRetryAfter,
  pingData,
  requestDecidedData,
  responseSnippet,
  retryDelaySeconds,
  WEBHOOK_MAX_ATTEMPTS,
  webhookEnvelope,
  webhookUrlProblem,
} from "@/lib/domain/webhooks";
import { AddressRefused, addressPolicy } from "@/lib/domain/address-policy";
import { openSecret, sealSecret, WebhookSecretUnreadable } from "@/lib/webhooks/secret-box";

/** A secret in the form made before Standard Webhooks (base64url, no padding): it still signs both headers. */
const SECRET = "whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
/** Legacy secrets as they were made (randomBytes(32) in base64url), one with both of its URL-safe characters. */
const LEGACY = ["whsec_ab-_0123456789abcdefghijklmnopqrstuvwxyzABA", `whsec_${Buffer.alloc(32, 0xfb).toString("base64url")}`];
const BODY = JSON.stringify({ id: "e1", type: "ping", createdAt: "2026-01-01T00:00:00.000Z", data: { message: "hello — ✓" } });
const T = 1_767_225_600;

describe("webhook signatures", () => {
  it("signs t.body with HMAC-SHA256 and verifies it", () => {
    const header = signatureHeader([SECRET], T, BODY);
    expect(header).toMatch(/^t=1767225600,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ header, body: BODY, secret: SECRET, nowSeconds: T + 10 })).toEqual({ ok: true });
  });

  it("refuses a tampered body, another secret, or a changed timestamp", () => {
    const header = signatureHeader([SECRET], T, BODY);
    expect(verifyWebhookSignature({ header, body: BODY.replace("hello", "hullo"), secret: SECRET, nowSeconds: T })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ header, body: BODY, secret: generateWebhookSecret(), nowSeconds: T })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ header: header.replace(`t=${T}`, `t=${T + 1}`), body: BODY, secret: SECRET, nowSeconds: T })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a stale (replayed) or far-future timestamp, even with a valid signature", () => {
    const header = signatureHeader([SECRET], T, BODY);
    expect(verifyWebhookSignature({ header, body: BODY, secret: SECRET, nowSeconds: T + SIGNATURE_TOLERANCE_SECONDS })).toEqual({ ok: true });
    expect(verifyWebhookSignature({ header, body: BODY, secret: SECRET, nowSeconds: T + SIGNATURE_TOLERANCE_SECONDS + 1 })).toEqual({ ok: false, reason: "stale" });
    expect(verifyWebhookSignature({ header, body: BODY, secret: SECRET, nowSeconds: T - SIGNATURE_TOLERANCE_SECONDS - 1 })).toEqual({ ok: false, reason: "stale" });
  });

  it("refuses malformed headers", () => {
    for (const header of [null, "", "v1=abc", `t=${T}`, `t=soon,v1=${"a".repeat(64)}`, `t=${T},v1=xyz`, `t=${T},v0=${"a".repeat(64)}`]) {
      expect(verifyWebhookSignature({ header, body: BODY, secret: SECRET, nowSeconds: T })).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("during a rotation carries one v1 per secret, and either secret verifies", () => {
    const next = generateWebhookSecret();
    const header = signatureHeader([next, SECRET], T, BODY);
    expect(header.split(",")).toHaveLength(3);
    expect(verifyWebhookSignature({ header, body: BODY, secret: next, nowSeconds: T })).toEqual({ ok: true });
    expect(verifyWebhookSignature({ header, body: BODY, secret: SECRET, nowSeconds: T })).toEqual({ ok: true });
  });

  it("makes 256-bit secrets with a findable prefix, and shows only their start", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(WEBHOOK_SECRET_PATTERN);
    expect(a).not.toBe(generateWebhookSecret());
    expect(webhookSecretHint(a)).toBe(`${a.slice(0, 10)}…`);
  });
});

describe("Standard Webhooks signatures", () => {
  const now = () => Math.floor(Date.now() / 1000);

  it("matches the specification's example (secret, message id, timestamp, body)", () => {
    const headers = standardWebhookHeaders(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], { id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330, body: '{"test": 2432232314}' });
    expect(headers).toEqual({ "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330", "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" });
  });

  it("makes secrets in standard base64 that the standardwebhooks package takes as they are, and verifies with", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(WEBHOOK_SECRET_PATTERN);
    expect(webhookSigningKey(secret)).toHaveLength(32);
    expect(standardWebhookSecret(secret)).toBe(secret);
    const headers = standardWebhookHeaders([secret], { id: "d1", timestamp: now(), body: BODY });
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(BODY, headers)).toEqual(JSON.parse(BODY));
  });

  it("signs with a legacy (base64url) secret's same 32 bytes: its standard form verifies, and the form is a plain re-encoding", () => {
    for (const legacy of LEGACY) {
      expect(legacy).toMatch(LEGACY_WEBHOOK_SECRET_PATTERN);
      const standard = standardWebhookSecret(legacy);
      expect(standard).toMatch(WEBHOOK_SECRET_PATTERN);
      // What the README tells receivers to do with a legacy secret.
      expect(standard).toBe(`${legacy.replaceAll("-", "+").replaceAll("_", "/").replace("whsec/", "whsec_")}=`);
      const headers = standardWebhookHeaders([legacy], { id: "d1", timestamp: now(), body: BODY });
      expect(() => new Webhook(standard).verify(BODY, headers)).not.toThrow();
    }
    // The standard libraries refuse the legacy form itself (its "-" and "_"): receivers must re-encode it, or rotate.
    expect(() => new Webhook(LEGACY[0]!)).toThrow();
  });

  it("fails verification for a tampered body, another secret, an old or a far-future timestamp, another id", () => {
    const secret = generateWebhookSecret();
    const t = now();
    const headers = standardWebhookHeaders([secret], { id: "d1", timestamp: t, body: BODY });
    expect(() => new Webhook(secret).verify(BODY.replace("hello", "hullo"), headers)).toThrow("No matching signature found");
    expect(() => new Webhook(generateWebhookSecret()).verify(BODY, headers)).toThrow("No matching signature found");
    expect(() => new Webhook(secret).verify(BODY, { ...headers, "webhook-id": "d2" })).toThrow("No matching signature found");
    const old = standardWebhookHeaders([secret], { id: "d1", timestamp: t - SIGNATURE_TOLERANCE_SECONDS - 60, body: BODY });
    expect(() => new Webhook(secret).verify(BODY, old)).toThrow("Message timestamp too old");
    const future = standardWebhookHeaders([secret], { id: "d1", timestamp: t + SIGNATURE_TOLERANCE_SECONDS + 60, body: BODY });
    expect(() => new Webhook(secret).verify(BODY, future)).toThrow("Message timestamp too new");
  });

  it("during a rotation carries one space-separated signature per secret, and either secret verifies", () => {
    const next = generateWebhookSecret();
    const headers = standardWebhookHeaders([next, SECRET], { id: "d1", timestamp: now(), body: BODY });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(next).verify(BODY, headers)).not.toThrow();
    expect(() => new Webhook(standardWebhookSecret(SECRET)).verify(BODY, headers)).not.toThrow();
  });

  it("refuses what is not a signing secret", () => {
    for (const bad of ["", "whsec_", "sk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", "whsec_c2hvcnQ=", `whsec_${"a".repeat(40)}!!!`]) {
      expect(() => webhookSigningKey(bad), bad).toThrow("not a webhook signing secret");
    }
    expect(() => standardWebhookHeaders([], { id: "d1", timestamp: 1, body: BODY })).toThrow();
  });
});

describe("sealed secrets", () => {
  const key = "k".repeat(48);
  const endpoint = "8a3c8c1e-7a55-4a3e-9f0b-2f6f1c1d0e11";

  it("round-trips, and the stored form does not contain the secret", () => {
    const sealed = sealSecret(key, SECRET, endpoint);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(SECRET.slice(6, 20));
    expect(openSecret(key, sealed, endpoint)).toBe(SECRET);
    expect(sealSecret(key, SECRET, endpoint)).not.toBe(sealed); // a fresh IV each time
  });

  it("does not open under another key, for another endpoint, or when altered", () => {
    const sealed = sealSecret(key, SECRET, endpoint);
    expect(() => openSecret("x".repeat(48), sealed, endpoint)).toThrow(WebhookSecretUnreadable);
    expect(() => openSecret(key, sealed, "00000000-0000-4000-8000-000000000000")).toThrow(WebhookSecretUnreadable);
    const [v, iv, ct, tag] = sealed.split(".");
    const flipped = `${ct!.startsWith("A") ? "B" : "A"}${ct!.slice(1)}`;
    expect(() => openSecret(key, [v, iv, flipped, tag].join("."), endpoint)).toThrow(WebhookSecretUnreadable);
    expect(() => openSecret(key, "garbage", endpoint)).toThrow(WebhookSecretUnreadable);
  });
});

describe("retry schedule", () => {
  it("waits 30 s, then four times longer each time, up to 12 h", () => {
    const middle = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => retryDelaySeconds(i + 1, 0.5));
    expect(middle).toEqual([30, 120, 480, 1920, 7680, 30720, 43200]);
    const total = middle.reduce((a, b) => a + b, 0);
    expect(total / 3600).toBeGreaterThan(20);
    expect(total / 3600).toBeLessThan(26);
  });

  it("jitters each wait by at most 20 %", () => {
    expect(retryDelaySeconds(1, 0)).toBe(24);
    expect(retryDelaySeconds(1, 0.999_999)).toBe(36);
    expect(retryDelaySeconds(7, 0)).toBe(34560);
  });

  it("gives up after the last try, and honours Retry-After up to the longest wait", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(nextAttemptAt(1, now, 0.5)).toEqual(new Date("2026-01-01T00:00:30Z"));
    expect(nextAttemptAt(WEBHOOK_MAX_ATTEMPTS - 1, now, 0.5)).toEqual(new Date(now.getTime() + 43200_000));
    expect(nextAttemptAt(WEBHOOK_MAX_ATTEMPTS, now, 0.5)).toBeNull();
    expect(nextAttemptAt(1, now, 0.5, 600)).toEqual(new Date("2026-01-01T00:10:00Z"));
    expect(nextAttemptAt(1, now, 0.5, 5)).toEqual(new Date("2026-01-01T00:00:30Z"));
    expect(nextAttemptAt(1, now, 0.5, 10 ** 8)).toEqual(new Date(now.getTime() + 43200_000));
  });

  it("reads Retry-After as seconds or as a date", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:05:00 GMT", now)).toBe(300);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe("webhook URLs", () => {
  const https = { allowHttp: false };
  const http = { allowHttp: true };

  it("accepts https, and plain http only where allowed", () => {
    expect(webhookUrlProblem("https://hooks.example.com/vetted?x=1", https)).toBeNull();
    expect(webhookUrlProblem("https://10.1.2.3:8443/in", https)).toBeNull();
    expect(webhookUrlProblem("http://hooks.example.com/vetted", https)).toMatch(/https:\/\//);
    expect(webhookUrlProblem("http://127.0.0.1:4000/hook", http)).toBeNull();
    expect(webhookUrlProblem("ftp://example.com/", http)).toMatch(/https:\/\//);
    expect(webhookUrlProblem("hooks.example.com", https)).toMatch(/full URL/);
  });

  it("refuses credentials, fragments and over-long URLs", () => {
    expect(webhookUrlProblem("https://user:pass@hooks.example.com/", https)).toMatch(/user name or password/);
    expect(webhookUrlProblem("https://token@hooks.example.com/", https)).toMatch(/user name or password/);
    expect(webhookUrlProblem("https://hooks.example.com/#x", https)).toMatch(/fragment/);
    expect(webhookUrlProblem(`https://hooks.example.com/${"a".repeat(2000)}`, https)).toMatch(/at most 2000/);
  });

  it("refuses, given the address policy, addresses that are never a receiver, however they are written", () => {
    const policy = { allowHttp: false, addresses: addressPolicy() };
    for (const url of [
      "https://169.254.169.254/latest/meta-data",
      "https://2852039166/",
      "https://[::ffff:169.254.169.254]/",
      "https://[fe80::1]/",
      "https://0.0.0.0/",
      "https://[::]/",
      "https://224.0.0.1/",
      "https://[ff02::1]/",
    ]) {
      expect(webhookUrlProblem(url, policy), url).toMatch(/refused by the address policy/);
    }
    expect(webhookUrlProblem("https://[fd00::1]/", policy)).toMatch(/uniqueLocal address is refused by the address policy/);
    expect(webhookUrlProblem("https://[::1]:8443/", policy)).toMatch(/loopback address is refused/);
    expect(webhookUrlProblem("https://10.1.2.3:8443/in", policy)).toMatch(/private address is refused/);
    expect(webhookUrlProblem("https://10.1.2.3:8443/in", { allowHttp: false, addresses: addressPolicy({ allowedCidrs: ["10.0.0.0/8"] }) })).toBeNull();
    expect(webhookUrlProblem("https://hooks.example.com/vetted", policy)).toBeNull();
  });

  it("is described in the audit trail by scheme and host only", () => {
    expect(describeWebhookUrl("https://hooks.example.com:8443/services/T0/B0/SECRET?token=abc")).toBe("https://hooks.example.com:8443");
  });
});

describe("payloads", () => {
  const base = "https://vetted.example.com";
  const software = { id: "s1", slug: "claude-code", name: "Claude Code" };

  it("wraps data in { id, type, createdAt, data }", () => {
    expect(webhookEnvelope("e1", "ping", new Date("2026-01-01T00:00:00Z"), pingData({ id: "w1", name: "SIEM" }))).toEqual({
      id: "e1",
      type: "ping",
      createdAt: "2026-01-01T00:00:00.000Z",
      data: { message: expect.stringContaining("test event"), endpoint: { id: "w1", name: "SIEM" } },
    });
  });

  it("classification.changed: software, edition, previous and current answer", () => {
    expect(
      classificationChangedData(
        {
          software,
          edition: { id: "ed1", slug: "enterprise", name: "Enterprise" },
          classificationId: "c2",
          previous: { status: "restricted", maxDataClass: null, conditions: [] },
          current: { status: "approved_with_conditions", maxDataClass: "confidential", conditions: ["SSO only"] },
          softwareStatus: { previous: "restricted", current: "restricted" },
          decidedAt: new Date("2026-01-01T00:00:00Z"),
          effectiveAt: new Date("2026-01-02T00:00:00Z"),
          reviewDueOn: "2027-01-01",
        },
        base,
      ),
    ).toEqual({
      software: { id: "s1", slug: "claude-code", name: "Claude Code", url: "https://vetted.example.com/software/claude-code" },
      edition: { id: "ed1", slug: "enterprise", name: "Enterprise" },
      classificationId: "c2",
      previous: { status: "restricted", maxDataClass: null, conditions: [] },
      current: { status: "approved_with_conditions", maxDataClass: "confidential", conditions: ["SSO only"] },
      softwareStatus: { previous: "restricted", current: "restricted" },
      decidedAt: "2026-01-01T00:00:00.000Z",
      effectiveAt: "2026-01-02T00:00:00.000Z",
      reviewDueOn: "2027-01-01",
    });
  });

  it("a decision that keeps status, data class and conditions is not a change", () => {
    const state = { status: "approved_with_conditions" as const, maxDataClass: "internal" as const, conditions: ["a", "b"] };
    expect(classificationChanged(null, state)).toBe(true);
    expect(classificationChanged(state, { ...state, conditions: ["b", "a"] })).toBe(false);
    expect(classificationChanged(state, { ...state, conditions: ["a"] })).toBe(true);
    expect(classificationChanged(state, { ...state, maxDataClass: "confidential" })).toBe(true);
    expect(classificationChanged(state, { ...state, status: "approved" })).toBe(true);
  });

  it("request.decided names the requester by id only, and carries no purpose or justification", () => {
    const data = requestDecidedData(
      {
        request: { id: "r1", number: 42, kind: "exception", requesterId: "u1", dataClass: "confidential", proposedName: null },
        step: "manager",
        decision: "approved",
        previousStatus: "awaiting_manager",
        status: "awaiting_security",
        decidedAt: new Date("2026-01-01T00:00:00Z"),
        decidedBy: { id: "m1", name: "Mia Manager" },
        software,
        edition: null,
        endsOn: "2026-03-31",
        grantId: null,
      },
      `${base}/requests/r1`,
      base,
    );
    expect(data).toEqual({
      request: { id: "r1", number: 42, kind: "exception", url: "https://vetted.example.com/requests/r1" },
      step: "manager",
      decision: "approved",
      previousStatus: "awaiting_manager",
      status: "awaiting_security",
      decidedAt: "2026-01-01T00:00:00.000Z",
      decidedBy: { id: "m1", name: "Mia Manager" },
      requester: { id: "u1" },
      software: { ...software, url: "https://vetted.example.com/software/claude-code" },
      edition: null,
      proposedName: null,
      dataClass: "confidential",
      endsOn: "2026-03-31",
      grantId: null,
    });
  });

  it("grant.created and grant.expired: the grant, its holder's id and email, the software and the request", () => {
    const grant = {
      id: "g1",
      dataClass: "internal" as const,
      conditions: ["no customer data"],
      startsAt: new Date("2026-01-01T10:00:00Z"),
      endsOn: "2026-03-31",
      endsAt: new Date("2026-04-01T00:00:00Z"),
    };
    const input = { grant, person: { id: "u1", email: "ada@example.com" }, software, edition: null, request: { id: "r1", number: 42 } };
    const created = grantData(input, `${base}/requests/r1`, base);
    expect(created).toEqual({
      grant: { id: "g1", dataClass: "internal", conditions: ["no customer data"], startsAt: "2026-01-01T10:00:00.000Z", endsOn: "2026-03-31", endsAt: "2026-04-01T00:00:00.000Z" },
      person: { id: "u1", email: "ada@example.com" },
      software: { ...software, url: "https://vetted.example.com/software/claude-code" },
      edition: null,
      request: { id: "r1", number: 42, url: "https://vetted.example.com/requests/r1" },
    });
    const expired = grantData({ ...input, grant: { ...grant, expiredAt: new Date("2026-04-01T00:00:30Z") } }, `${base}/requests/r1`, base);
    expect(expired.grant).toMatchObject({ expiredAt: "2026-04-01T00:00:30.000Z" });
  });
});

describe("what the delivery log keeps", () => {
  it("a short, printable snippet of an answer", () => {
    expect(responseSnippet("  ok\r\n\u0000done  ")).toBe("ok done");
    expect(responseSnippet("")).toBeNull();
    const long = responseSnippet("x".repeat(5000))!;
    expect(long).toHaveLength(200);
    expect(long.endsWith("…")).toBe(true);
  });

  it("network errors in one uniform message that tells no open port from a closed one, never with their text", () => {
    const timeout = new Error("The operation was aborted due to timeout");
    timeout.name = "TimeoutError";
    const uniform = "no HTTP answer within 10 s (unreachable, refused, not HTTP, or a TLS failure)";
    const errno = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.1:22`), { code });
    expect(describeNetworkError(timeout, 10_000)).toBe(uniform);
    for (const code of ["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "HPE_INVALID_CONSTANT", "EPROTO", "ERR_SSL_WRONG_VERSION_NUMBER", "DEPTH_ZERO_SELF_SIGNED_CERT"]) {
      expect(describeNetworkError(errno(code), 10_000), code).toBe(uniform);
    }
    expect(describeNetworkError(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }), 10_000)).toBe(uniform);
    expect(describeNetworkError(new TypeError("fetch failed", { cause: { code: "https://secret.example/path" } }), 300)).toBe(
      "no HTTP answer within 300 ms (unreachable, refused, not HTTP, or a TLS failure)",
    );
    expect(describeNetworkError(errno("ENOTFOUND"), 10_000)).toBe("the host name could not be resolved");
    expect(describeNetworkError(new AddressRefused("loopback"), 10_000)).toBe("refused by address policy");
  });
});
