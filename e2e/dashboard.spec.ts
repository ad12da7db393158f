import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { mainNav, signIn } from "./support/auth";
import { USERS } from "./support/constants";

const LISTS = ["Overdue reassessments", "Assessments in progress", "Decisions awaiting a second reviewer", "Recent decisions"];

/** The numbers of a chart's table, which must add up to its total row. */
async function chartTable(region: Locator) {
  const counts = (await region.locator("tbody td[data-count]").allTextContents()).map(Number);
  const total = Number(await region.locator("tfoot td[data-total]").textContent());
  return { counts, total };
}

/** Opens the dashboard from the main navigation and checks what every reader of it sees. */
async function openDashboard(page: Page) {
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await mainNav(page).getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/manage\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Reviewer dashboard" })).toBeVisible();
  const catalogueSize = Number((await page.getByTestId("dashboard-summary").textContent())!.match(/^(\d+) software/)![1]);
  // The demo catalogue alone holds about a hundred tools.
  expect(catalogueSize).toBeGreaterThan(50);

  for (const [name, rows] of [["Software by status", 6], ["Software by assessed tier", 5]] as const) {
    const region = page.getByRole("region", { name });
    await expect(region.getByRole("heading", { name })).toBeVisible();
    // The chart is drawn (an SVG with bars) and its numbers are in a table beside it.
    await expect(region.locator("svg.recharts-surface")).toBeVisible();
    await expect(region.locator(".recharts-bar-rectangle path").first()).toBeVisible();
    const { counts, total } = await chartTable(region);
    expect(counts, name).toHaveLength(rows);
    expect(counts.every(Number.isInteger), name).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0), `${name} adds up`).toBe(total);
    expect(total, `${name} counts every software`).toBe(catalogueSize);
  }
  // The demo catalogue has prohibited tools, and tools nobody has assessed.
  const byStatus = page.getByRole("region", { name: "Software by status" });
  expect(Number(await byStatus.locator('tr[data-key="prohibited"] td[data-count]').textContent())).toBeGreaterThan(0);
  const byTier = page.getByRole("region", { name: "Software by assessed tier" });
  expect(Number(await byTier.locator('tr[data-key="not_assessed"] td[data-count]').textContent())).toBeGreaterThan(0);

  // The heat map: five dimensions × four levels, a number in every cell, every row counting each assessment once.
  const heatMap = page.getByRole("region", { name: "Risk by dimension" }).getByRole("table");
  await expect(heatMap.getByRole("columnheader")).toHaveText(["Dimension", "Low", "Medium", "High", "Critical"]);
  await expect(heatMap.getByRole("rowheader")).toHaveText(["Data exposure", "Vendor trust", "Access and autonomy", "Supply chain", "Compliance"]);
  const rowTotals: number[] = [];
  for (const row of await heatMap.locator("tbody tr").all()) {
    const cells = (await row.getByRole("cell").allTextContents()).map((t) => t.trim());
    expect(cells).toHaveLength(4);
    expect(cells.every((t) => /^\d+$/.test(t)), cells.join(",")).toBe(true);
    rowTotals.push(cells.reduce((sum, t) => sum + Number(t), 0));
  }
  expect(new Set(rowTotals).size, "every dimension counts the same assessments").toBe(1);

  for (const title of LISTS) await expect(page.getByRole("region", { name: title }).getByRole("heading", { name: title })).toBeVisible();
  // Plenty of demo decisions: the latest ten, each naming its software and status.
  const recent = page.getByRole("region", { name: "Recent decisions" }).getByRole("listitem");
  await expect(recent).toHaveCount(10);
  for (const item of await recent.all()) {
    await expect(item.getByRole("link")).toHaveAttribute("href", /^\/software\/[a-z0-9-]+$/);
    await expect(item.locator("[data-status]")).toBeVisible();
  }
  // An empty list says so rather than showing nothing.
  for (const title of LISTS.slice(0, 3)) {
    const region = page.getByRole("region", { name: title });
    if ((await region.getByRole("listitem").count()) === 0) await expect(region.locator("p")).toHaveText(/^(Nothing|No) .+\.$/);
  }
  expect(cspViolations, "no Content-Security-Policy violations").toEqual([]);
}

test.describe("reviewer dashboard", () => {
  test("a reviewer opens it from the nav: charts with their tables, the heat map, and the work lists", async ({ page }) => {
    await signIn(page, USERS.reviewer);
    await openDashboard(page);
    await expect(page.getByRole("main").getByRole("link", { name: "Review queue" })).toBeVisible();

    await page.goto("/manage");
    await page.getByRole("main").getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reviewer dashboard" })).toBeVisible();
  });

  test("an admin sees it too, with links only to pages an admin may open", async ({ page }) => {
    await signIn(page, USERS.admin);
    await openDashboard(page);
    await expect(page.getByRole("main").getByRole("link", { name: "Review queue" })).toHaveCount(0);
    await expect(page.getByRole("main").locator('a[href^="/manage/"]')).toHaveCount(0);
  });

  for (const role of ["employee", "manager"] as const) {
    test(`${role}s get no Dashboard link and 403 Not allowed at /manage/dashboard`, async ({ page }) => {
      await signIn(page, USERS[role]);
      await expect(mainNav(page).getByRole("link", { name: "Dashboard" })).toHaveCount(0);
      const response = await page.goto("/manage/dashboard");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Reviewer dashboard" })).toHaveCount(0);
    });
  }
});
