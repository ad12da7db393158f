import { describe, expect, it } from "vitest";
import { parseScimFilter } from "@/lib/domain/scim-filter";
import { ScimError } from "@/lib/domain/scim-messages";
import { readPatchOperations } from "@/lib/domain/scim-patch";
import { ENTERPRISE_SCHEMA, ifMatchHolds, listParams, normaliseQuirks, PATCH_SCHEMA, scimVersion, userWriteFromScim } from "@/lib/domain/scim-resources";

const scimTypeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof ScimError ? `${error.status} ${error.scimType ?? ""}`.trim() : `not a ScimError: ${String(error)}`;
  }
  return "no error";
};

describe("SCIM filters", () => {
  it("reads what Okta and Entra ID send first, and and/or/not of comparisons", () => {
    expect(parseScimFilter('userName eq "Test.User@okta.local"', "User")).toEqual([[{ attribute: "username", operator: "eq", value: "Test.User@okta.local", negated: false }]]);
    expect(parseScimFilter('userName sw "a" and userName co "b"', "User")).toEqual([[{ attribute: "username", operator: "sw", value: "a", negated: false }, { attribute: "username", operator: "co", value: "b", negated: false }]]);
    expect(parseScimFilter('displayName eq "A" or externalId eq "B"', "Group")).toHaveLength(2);
    expect(parseScimFilter('not (active eq true)', "User")).toEqual([[{ attribute: "active", operator: "eq", value: true, negated: true }]]);
    expect(parseScimFilter('name.givenName sw "J"', "User")[0]![0]!.attribute).toBe("name.givenname");
    expect(parseScimFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x"', "User")[0]![0]!.attribute).toBe("username");
  });

  it("refuses what it cannot answer exactly, as invalidFilter", () => {
    for (const filter of ["", "userName eq", 'userName xx "y"', 'title eq "x"', 'not (userName eq "a" or userName eq "b")', 'not (userName eq "a" and active eq true)']) {
      expect(scimTypeOf(() => parseScimFilter(filter, "User")), filter).toBe("400 invalidFilter");
    }
    expect(scimTypeOf(() => parseScimFilter('members eq "x"', "User"))).toBe("400 invalidFilter");
    // A quoted "not (" is data, not structure.
    expect(parseScimFilter('displayName eq "not (a or b)"', "User")).toHaveLength(1);
  });
});

describe("SCIM PATCH as the providers send it", () => {
  const patch = (Operations: unknown[]) => readPatchOperations({ schemas: [PATCH_SCHEMA], Operations });

  it("reads Entra ID's capitalised ops, string booleans and bare manager ids in the RFC's shape", () => {
    expect(patch([{ op: "Replace", path: "active", value: "False" }])).toEqual([{ op: "replace", path: "active", value: false }]);
    expect(patch([{ op: "Replace", value: { active: "True", displayName: "X" } }])).toEqual([{ op: "replace", value: { active: true, displayName: "X" } }]);
    expect(patch([{ op: "Add", path: `${ENTERPRISE_SCHEMA}:manager`, value: "m-1" }])).toEqual([{ op: "add", path: `${ENTERPRISE_SCHEMA}:manager`, value: { value: "m-1" } }]);
    expect(patch([{ op: "Replace", path: `${ENTERPRISE_SCHEMA}:manager`, value: "" }])).toEqual([{ op: "remove", path: `${ENTERPRISE_SCHEMA}:manager` }]);
    expect(patch([{ op: "Remove", path: "members", value: [{ $ref: null, value: "u-1" }, { value: "u-2" }] }])).toEqual([
      { op: "remove", path: 'members[value eq "u-1"]' },
      { op: "remove", path: 'members[value eq "u-2"]' },
    ]);
  });

  it("refuses a body that is no PatchOp", () => {
    expect(scimTypeOf(() => readPatchOperations({ Operations: [{ op: "add" }] }))).toBe("400 invalidSyntax");
    expect(scimTypeOf(() => patch([]))).toBe("400 invalidSyntax");
    expect(scimTypeOf(() => patch([{ op: "copy", path: "x" }]))).toBe("400 invalidSyntax");
    expect(scimTypeOf(() => patch([{ op: "add", path: "" }]))).toBe("400 invalidPath");
  });

  it("leaves other strings alone", () => {
    expect(normaliseQuirks({ title: "False", emails: [{ value: "a@b.c", primary: "True" }] })).toEqual({ title: "False", emails: [{ value: "a@b.c", primary: true }] });
  });
});

describe("SCIM users and versions", () => {
  it("keys a person by their primary email, never keeps the password, and names them by displayName, then name", () => {
    const write = userWriteFromScim({ userName: "UPN_1", emails: [{ value: "w@x.example", type: "work" }, { value: "p@x.example", primary: true }], name: { givenName: "Ada", familyName: "L" }, password: "secret" });
    expect(write).toMatchObject({ userName: "UPN_1", email: "p@x.example", name: "Ada L", active: true });
    expect(JSON.stringify(write)).not.toContain("secret");
    expect(scimTypeOf(() => userWriteFromScim({ userName: "no-email" }))).toBe("400 invalidValue");
  });

  it("versions a representation by its content, whatever the order of its keys", () => {
    expect(scimVersion({ a: 1, b: { c: 2, d: 3 }, meta: { created: "x" } })).toBe(scimVersion({ b: { d: 3, c: 2 }, a: 1, meta: { created: "x", version: "old" } }));
    expect(scimVersion({ a: 1 })).not.toBe(scimVersion({ a: 2 }));
    expect(ifMatchHolds('W/"abc"', 'W/"abc"')).toBe(true);
    expect(ifMatchHolds('"abc"', 'W/"abc"')).toBe(true);
    expect(ifMatchHolds('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(ifMatchHolds("*", 'W/"abc"')).toBe(true);
    expect(ifMatchHolds('W/"other"', 'W/"abc"')).toBe(false);
    expect(ifMatchHolds(null, 'W/"abc"')).toBe(true);
  });

  it("pages from 1 at least, at most 200 at a time", () => {
    expect(listParams(new URLSearchParams("startIndex=0&count=5000"), "User")).toMatchObject({ startIndex: 1, count: 200, sort: null });
    expect(listParams(new URLSearchParams("count=-3"), "User")).toMatchObject({ count: 0 });
  });

  it("sorts by what can be sorted, ascending unless told", () => {
    expect(listParams(new URLSearchParams("sortBy=userName"), "User").sort).toEqual({ attribute: "username", descending: false });
    expect(listParams(new URLSearchParams("sortBy=meta.lastModified&sortOrder=descending"), "Group").sort).toEqual({ attribute: "meta.lastmodified", descending: true });
    expect(listParams(new URLSearchParams("sortOrder=descending"), "User").sort).toBeNull();
    expect(scimTypeOf(() => listParams(new URLSearchParams("sortBy=title"), "User"))).toBe("400 invalidValue");
    expect(scimTypeOf(() => listParams(new URLSearchParams("sortBy=userName"), "Group"))).toBe("400 invalidValue");
    expect(scimTypeOf(() => listParams(new URLSearchParams("sortBy=userName&sortOrder=up"), "User"))).toBe("400 invalidValue");
  });
});
