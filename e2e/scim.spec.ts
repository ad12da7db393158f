import { expect, test } from "./support/test";
import { followNavLink, signIn } from "./support/auth";
import { USERS } from "./support/constants";

test("an admin creates a SCIM token in the admin pages; the identity provider provisions a person with it over HTTP, and that token opens nothing else", async ({ page, playwright }) => {
  await signIn(page, USERS.admin);
  await followNavLink(page, "Tokens");
  const form = page.getByRole("form", { name: "New API token" });
  const name = `Okta provisioning ${Date.now().toString(36)}`;

  // The scim scope stands alone on its token.
  await form.getByLabel("Name").fill(name);
  await form.getByRole("checkbox", { name: /^scim\b/ }).check();
  await form.getByRole("checkbox", { name: /check:read/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.locator('[data-field-error="scopes"]')).toContainText("stands alone");

  await form.getByRole("checkbox", { name: /check:read/ }).uncheck();
  await form.getByRole("checkbox", { name: /^scim\b/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByTestId("form-message")).toContainText("Copy it now");
  const secret = /^vt_[A-Za-z0-9_-]{43}$/.exec((await form.getByTestId("token-secret").textContent()) ?? "")?.[0];
  expect(secret).toBeTruthy();
  await expect(page.getByTestId("token-row").filter({ hasText: name })).toContainText("scim");

  const idp = await playwright.request.newContext({ baseURL: page.url().replace(/\/admin\/tokens.*$/, "") });
  try {
    const headers = { Authorization: `Bearer ${secret}`, "Content-Type": "application/scim+json" };
    const login = `scim.e2e.${Date.now().toString(36)}@example.com`;
    const lookup = await idp.get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${login}"`)}&startIndex=1&count=100`, { headers });
    expect(lookup.status()).toBe(200);
    expect(lookup.headers()["content-type"]).toBe("application/scim+json");
    expect(await lookup.json()).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await idp.post("/scim/v2/Users", {
      headers,
      data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: login, name: { givenName: "Scim", familyName: "Person" }, emails: [{ value: login, primary: true, type: "work" }], active: true },
    });
    expect(created.status()).toBe(201);
    expect(created.headers()["etag"]).toMatch(/^W\/"/);
    const person = await created.json();
    expect(person).toMatchObject({ userName: login, displayName: "Scim Person", active: true });

    const none = await idp.get("/scim/v2/Users");
    expect(none.status()).toBe(401);
    expect(await none.json()).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
    expect((await idp.get("/api/v1/check?q=claude-code", { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(403);

    // The person is in Vetted, and the change is in the audit trail under the admin, via the token.
    await page.goto("/admin/users");
    await expect(page.locator("main")).toContainText(login);
    const deactivated = await idp.patch(`/scim/v2/Users/${person.id}`, {
      headers,
      data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active: false } }] },
    });
    expect(deactivated.status()).toBe(200);
    expect(await deactivated.json()).toMatchObject({ active: false });
  } finally {
    await idp.dispose();
  }
});
