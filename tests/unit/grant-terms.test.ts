import { describe, expect, it } from "vitest";
import { daysLeft, endedGrant, grantState, grantTerms, grantToShow } from "@/lib/domain/grant-terms";
import { t } from "@/lib/i18n/translate";
import { computeVerdict, type GrantFact } from "@/lib/domain/verdict";

const now = new Date("2026-03-04T15:00:00Z");

const grant: GrantFact = {
  editionId: null,
  dataClass: "confidential",
  startsAt: new Date("2026-03-01T09:00:00Z"),
  endsOn: "2026-03-31",
  endsAt: new Date("2026-04-01T00:00:00Z"),
  revokedAt: null,
  conditions: ["Keep permission prompts on"],
  requestId: "req-1",
};

describe("grant terms", () => {
  it("counts whole days from today to the last day, 0 on the last day", () => {
    expect(daysLeft("2026-03-31", now)).toBe(27);
    expect(daysLeft("2026-03-05", now)).toBe(1);
    expect(daysLeft("2026-03-04", now)).toBe(0);
    expect(daysLeft("2026-03-01", now)).toBe(0);
  });

  it("says the days left as a person would (ui.grant.summary, as search and /check word it)", () => {
    const summary = (days: number) => t("ui.grant.summary", { dataClass: "Confidential", date: "2026-03-31", days });
    expect(summary(27)).toBe("Your exception: Confidential data, last day 2026-03-31 (27 days left).");
    expect(summary(1)).toBe("Your exception: Confidential data, last day 2026-03-31 (1 day left).");
    expect(summary(0)).toBe("Your exception: Confidential data, last day 2026-03-31 (last day today).");
  });

  it("gives the holder the data class, conditions, last day, days left and the request", () => {
    expect(grantTerms(grant, now)).toEqual({
      dataClass: "confidential",
      conditions: ["Keep permission prompts on"],
      endsOn: "2026-03-31",
      daysLeft: 27,
      requestId: "req-1",
    });
  });

  it("the verdict names the grant it rests on, and none when it does not rest on one", () => {
    const software = { name: "Claude Code", editions: [] };
    const classifications = [{ id: "c", editionId: null, status: "restricted" as const, maxDataClass: null, conditions: [], decidedAt: new Date("2026-01-01T00:00:00Z") }];
    expect(computeVerdict({ software, classifications, dataClass: "confidential", grants: [grant], now }).grant).toBe(grant);
    expect(computeVerdict({ software, classifications, dataClass: "restricted", grants: [grant], now }).grant).toBeNull();
    expect(computeVerdict({ software, classifications, dataClass: "public", grants: [{ ...grant, revokedAt: now }], now }).grant).toBeNull();
  });
});

describe("a grant's state and its request's label", () => {
  it("is active while in force, with no label", () => {
    expect(grantState(grant, now)).toEqual({ state: "active" });
    expect(endedGrant(grant, now)).toBeNull();
    expect(endedGrant(null, now)).toBeNull();
  });

  it("expires on the day after its last day", () => {
    const after = new Date("2026-04-01T00:00:00Z");
    expect(grantState(grant, after)).toEqual({ state: "expired", on: "2026-04-01" });
    expect(endedGrant(grant, after)).toEqual({ state: "expired", on: "2026-04-01" });
    // Still in force on its last evening.
    expect(endedGrant(grant, new Date("2026-03-31T23:59:59Z"))).toBeNull();
  });

  it("a revocation wins over an expiry, dated the day it was made", () => {
    const revoked = { ...grant, revokedAt: new Date("2026-03-10T08:00:00Z") };
    expect(endedGrant(revoked, new Date("2026-05-01T00:00:00Z"))).toEqual({ state: "revoked", on: "2026-03-10" });
  });

  it("a grant not started yet is neither ended nor active", () => {
    expect(grantState({ ...grant, startsAt: new Date("2026-03-05T00:00:00Z") }, now)).toEqual({ state: "not_started" });
  });
});

describe("the grant a search result shows", () => {
  it("is one in force, covering the most sensitive data, then lasting longest", () => {
    const internal = { ...grant, dataClass: "internal" as const, endsOn: "2026-06-30", endsAt: new Date("2026-07-01T00:00:00Z") };
    const later = { ...grant, endsOn: "2026-04-30", endsAt: new Date("2026-05-01T00:00:00Z") };
    const future = { ...grant, dataClass: "restricted" as const, startsAt: new Date("2026-03-20T00:00:00Z") };
    expect(grantToShow([internal, grant, later, future], now)).toBe(later);
    expect(grantToShow([{ ...grant, revokedAt: now }], now)).toBeNull();
    expect(grantToShow([], now)).toBeNull();
  });
});
