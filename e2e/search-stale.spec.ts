import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

function searchBox(page: Page) {
  return page.getByRole("combobox", { name: "Search software by name, vendor, domain or package" });
}

function options(page: Page) {
  return page.getByRole("listbox", { name: "Matching software" }).getByRole("option");
}

/**
 * Records, at every change of the page and at every frame (just before it is painted), what the
 * box says and which results are on screen: what a person would have seen, frame by frame.
 */
async function recordWhatIsShown(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const seen = [];
    window.__seen = seen;
    const input = document.querySelector("#search");
    const record = () => seen.push({
      value: input.value.trim(),
      shown: Array.from(document.querySelectorAll('[role="listbox"] [role="option"]')).map((o) => o.textContent || ""),
    });
    // A change of the list is recorded with what the box says at that moment…
    new MutationObserver(record).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    // …and every frame, so that a list left standing after the box changed is caught too.
    const frame = () => { record(); requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })()`);
}

test.describe("search shows only the answer for what the box says", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, USERS.employee);
  });

  test("typing slack over figma never shows Figma once the box says something else", async ({ page }) => {
    // The Figma answer comes back slowly while "slack" is typed: it must never be drawn for it.
    await page.route(/\/api\/v1\/software\?.*q=figma/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await recordWhatIsShown(page);
    await searchBox(page).pressSequentially("figma", { delay: 20 });
    await expect(options(page).first()).toContainText("Figma", { timeout: 5_000 });
    await searchBox(page).selectText();
    await searchBox(page).pressSequentially("slack", { delay: 15 });
    await expect(options(page).first()).toContainText("Slack");
    await page.waitForTimeout(600); // past the slow Figma answers, had any been in flight
    const seen = (await page.evaluate("window.__seen")) as { value: string; shown: string[] }[];
    expect(seen.length).toBeGreaterThan(5);
    const stale = seen.filter((s) => s.value !== "figma" && s.shown.some((text) => text.includes("Figma")));
    expect(stale, "Figma shown while the box said something else").toEqual([]);
    await expect(options(page)).toHaveCount(1);
  });

  test("the query is in the address: Back and reload bring it back with its results", async ({ page }) => {
    await searchBox(page).fill("cluade");
    await expect(options(page).first()).toContainText("Claude Code");
    await expect(page).toHaveURL(/\/\?q=cluade$/);
    // Each option is the result's link.
    await options(page).filter({ hasText: "Claude Code" }).first().click();
    await page.waitForURL("**/software/claude-code");

    await page.goBack();
    await expect(searchBox(page)).toHaveValue("cluade");
    await expect(options(page).first()).toContainText("Claude Code");

    await page.reload();
    await expect(searchBox(page)).toHaveValue("cluade");
    await expect(options(page).first()).toContainText("Claude Code");

    // Typing replaces the address rather than adding a history entry per keystroke.
    const entries = await page.evaluate("history.length");
    await searchBox(page).press("End");
    await searchBox(page).pressSequentially("slack", { delay: 30 });
    await expect(page).toHaveURL(/\/\?q=cluadeslack$/);
    expect(await page.evaluate("history.length")).toBe(entries);
  });

  test("the server draws the results of ?q= on first load", async ({ page }) => {
    const html = await (await page.request.get("/?q=cursor.com")).text();
    expect(html).toContain('role="listbox"');
    expect(html).toMatch(/Cursor/);
    expect(html).not.toMatch(/MongoDB Compass|IntelliJ IDEA/);
  });
});
