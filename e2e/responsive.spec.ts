import { expect, test } from "./support/test";
import { mainNav, signIn, signInRequest } from "./support/auth";
import { USERS } from "./support/constants";
import { ROLES } from "./support/main-pages";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

// That no main page of any role scrolls sideways at 390 px is checked on the same walk as its
// accessibility at that width (accessibility.spec.tsx): one visit of each page does both.

test.describe("a software page's header at 390 px", () => {
  test.use({ viewport: PHONE });

  test("the badge sits clear of the title, and the vendor line is not one word a line", async ({ page }) => {
    await signInRequest(page.request, USERS.employee);
    for (const slug of ["grammarly", "slack", "claude-code"]) {
      await page.goto(`/software/${slug}`);
      const header = page.locator("article > header");
      // The title's text, which may spill out of a squeezed box.
      const title = await header.getByRole("heading", { level: 1 }).evaluate((h1) => {
        const range = document.createRange();
        range.selectNodeContents(h1);
        const { x, y, width, height } = range.getBoundingClientRect();
        return { x, y, width, height };
      });
      const badge = await header.locator("[data-status]").first().boundingBox();
      const overlaps = title!.x < badge!.x + badge!.width && badge!.x < title!.x + title!.width && title!.y < badge!.y + badge!.height && badge!.y < title!.y + title!.height;
      expect(overlaps, `${slug}: title ${JSON.stringify(title)} and badge ${JSON.stringify(badge)} overlap`).toBe(false);
      const vendorLine = await header.locator("h1 + p").boundingBox();
      expect(vendorLine!.width, `${slug}: the vendor line is ${vendorLine!.width} px wide`).toBeGreaterThan(300);
    }
  });
});

test.describe("the main navigation", () => {
  test("at 1280 px every role's navigation fits on one line", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    for (const role of ROLES) {
      await page.context().clearCookies();
      await signIn(page, USERS[role]);
      const centres = await mainNav(page)
        .locator("a:visible, button:visible")
        .evaluateAll((items) => items.map((item) => `${item.textContent?.trim()} ${Math.round((item.getBoundingClientRect().top + item.getBoundingClientRect().bottom) / 2)}`));
      const lines = new Set(centres.map((c) => Number(c.split(" ").pop())));
      expect(Math.max(...lines) - Math.min(...lines), `${role}: ${centres.join(", ")}`).toBeLessThanOrEqual(4);
      expect(await mainNav(page).evaluate((nav) => nav.getBoundingClientRect().height), `${role}'s navigation is one line high`).toBeLessThan(64);
      await expect(mainNav(page).getByRole("button", { name: "Menu" })).toBeHidden();
    }
  });

  test("at 1280 px the admin's own pages are under one Admin disclosure, by keyboard too", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, USERS.admin);
    const admin = mainNav(page).getByRole("button", { name: "Admin" });
    await expect(admin).toHaveAttribute("aria-expanded", "false");
    await expect(mainNav(page).getByRole("link", { name: "Webhooks" })).toBeHidden();

    await admin.focus();
    await page.keyboard.press("Enter");
    await expect(admin).toHaveAttribute("aria-expanded", "true");
    for (const name of ["Users", "Settings", "Tokens", "Webhooks", "Outbox", "Audit trail"]) await expect(mainNav(page).getByRole("link", { name })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(mainNav(page).getByRole("link", { name: "Users" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(admin).toHaveAttribute("aria-expanded", "false");
    await expect(admin).toBeFocused();
    await expect(mainNav(page).getByRole("link", { name: "Users" })).toBeHidden();

    await admin.click();
    await mainNav(page).getByRole("link", { name: "Outbox" }).click();
    await page.waitForURL("**/admin/outbox");
    await expect(mainNav(page).getByRole("link", { name: "Outbox" })).toBeHidden();
  });

  test("at 390 px it collapses into a Menu button that opens over the page, by keyboard too", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, USERS.admin);
    const menu = mainNav(page).getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(mainNav(page).getByRole("link", { name: "Catalogue" })).toBeHidden();
    expect(await mainNav(page).evaluate((nav) => nav.getBoundingClientRect().height)).toBeLessThan(64);
    const mainTop = () => page.locator("main").evaluate((main) => main.getBoundingClientRect().top);
    const before = await mainTop();

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    for (const name of ["Search", "Catalogue", "Requests", "Dashboard", "Users", "Audit trail", "Help"]) await expect(mainNav(page).getByRole("link", { name })).toBeVisible();
    await expect(mainNav(page).getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(await mainTop(), "the page below does not move").toBe(before);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.keyboard.press("Tab");
    await expect(mainNav(page).getByRole("link", { name: "Search" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();

    await menu.click();
    await mainNav(page).getByRole("link", { name: "Catalogue" }).click();
    await page.waitForURL("**/software");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(mainNav(page).getByRole("link", { name: "Catalogue" })).toBeHidden();
  });
});
