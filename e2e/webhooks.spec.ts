import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { expect, test } from "./support/test";
import { startWebhookReceiver, type ReceivedWebhook } from "../tests/support/webhook-receiver";
import { followNavLink, mainNav, signIn } from "./support/auth";
import { USERS } from "./support/constants";

/** What a receiver of the legacy Vetted-Signature does (the README's snippet): HMAC-SHA256 of "<t>.<raw body>", a timestamp within 5 minutes. */
function signedWith(hit: ReceivedWebhook, secret: string): boolean {
  const items = (hit.headers["vetted-signature"] ?? "").split(",").map((item) => item.split("="));
  const t = Number(items.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${hit.body}`).digest();
  return items.some(([key, value]) => key === "v1" && /^[0-9a-f]{64}$/.test(value ?? "") && timingSafeEqual(Buffer.from(value!, "hex"), expected));
}

test("an admin registers a webhook, sends a test event, sees the 200 in the delivery log, and the receiver got a signed ping", async ({ page }) => {
  const receiver = await startWebhookReceiver();
  try {
    await signIn(page, USERS.admin);
    await followNavLink(page, "Webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();

    const form = page.getByRole("form", { name: "New webhook" });
    const name = `SIEM ${Date.now().toString(36)}`;
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("URL", { exact: true }).fill("https://vetted:hunter2@hooks.example.com/in");
    // grant.expired: journeys running beside this one create grants, but none ends before the clock journeys run.
    await form.getByRole("checkbox", { name: /grant\.expired/ }).check();
    await form.getByRole("button", { name: "Create webhook" }).click();
    await expect(form.locator('[data-field-error="url"]')).toContainText("must not contain a user name or password");
    await expect(page.getByTestId("webhook-row").filter({ hasText: name })).toHaveCount(0);

    await form.getByLabel("URL", { exact: true }).fill(receiver.url("/vetted"));
    await form.getByRole("button", { name: "Create webhook" }).click();
    const message = form.getByTestId("form-message");
    await expect(message).toContainText("Copy its signing secret now; it is not shown again");
    const secret = /whsec_[A-Za-z0-9+/]{43}=/.exec((await message.textContent()) ?? "")?.[0];
    expect(secret).toBeTruthy();
    const row = page.getByTestId("webhook-row").filter({ hasText: name });
    await expect(row).toContainText(receiver.url("/vetted"));
    await expect(row).toContainText("grant.expired");
    await expect(row.getByTestId("last-delivery")).toHaveText("none yet");

    await row.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    // The secret is shown once: never again, not even on the webhook's own page.
    await expect(page.locator("body")).not.toContainText(secret!);
    await expect(page.locator("body")).toContainText(`${secret!.slice(0, 10)}…`);

    await page.getByRole("form", { name: "Send test event" }).getByRole("button", { name: "Send test event" }).click();
    const delivery = page.locator('[data-testid="delivery"][data-event="ping"]');
    // The page follows the delivery as the job queue sends it.
    await expect(delivery).toHaveAttribute("data-status", "delivered", { timeout: 20_000 });
    await expect(delivery.getByTestId("last-answer")).toHaveText("HTTP 200");
    await delivery.getByText("Tries and payload").click();
    await expect(delivery.getByTestId("try")).toHaveCount(1);
    await expect(delivery.getByTestId("try")).toHaveAttribute("data-status-code", "200");

    const [hit, ...more] = receiver.received.filter((r) => r.headers["vetted-event"] === "ping");
    expect(more).toHaveLength(0);
    expect(hit!.path).toBe("/vetted");
    expect(hit!.headers["vetted-event"]).toBe("ping");
    // Standard Webhooks, verified as the README's one line does it; the delivery's id is the message id.
    expect(hit!.headers["webhook-id"]).toBe(hit!.headers["vetted-delivery"]);
    expect(new Webhook(secret!).verify(hit!.body, hit!.headers)).toMatchObject({ type: "ping" });
    expect(() => new Webhook(secret!).verify(`${hit!.body} `, hit!.headers)).toThrow();
    // And the legacy header, during the transition.
    expect(signedWith(hit!, secret!)).toBe(true);
    expect(signedWith({ ...hit!, body: `${hit!.body} ` }, secret!)).toBe(false);
    const body = JSON.parse(hit!.body) as { id: string; type: string; data: { endpoint: { name: string } } };
    expect(body.type).toBe("ping");
    expect(body.data.endpoint.name).toBe(name);
    await expect(delivery).toContainText(hit!.headers["vetted-delivery"]!);

    // Clean up: the demo database is shared by the journeys running beside this one.
    await page.getByText("Delete this webhook…").click();
    await page.getByRole("button", { name: `Delete “${name}”` }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await expect(page.getByTestId("webhook-row").filter({ hasText: name })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

test("employees and reviewers cannot manage webhooks", async ({ page }) => {
  await signIn(page, USERS.employee);
  await expect(mainNav(page).getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  expect((await page.goto("/admin/webhooks"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  expect((await page.goto("/admin/webhooks/00000000-0000-4000-8000-000000000000"))?.status()).toBe(403);

  await page.context().clearCookies();
  await signIn(page, USERS.reviewer);
  expect((await page.goto("/admin/webhooks"))?.status()).toBe(403);
});
