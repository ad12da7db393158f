import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { completeAssessment } from "./support/assessment";
import { USERS } from "./support/constants";

/** Issue 11, item 6: a reviewer finds the work, starts a decision from the one in force, picks alternatives by typing, reads the breakdown. */

function workList(page: Page) {
  return page.getByRole("form", { name: "Filter the software" });
}

function rows(page: Page) {
  return page.getByTestId("work-list-row");
}

async function expectEvery(locator: Locator, check: (text: string) => boolean, what: string) {
  const texts = await locator.allInnerTexts();
  expect(texts.length, `some rows to check (${what})`).toBeGreaterThan(0);
  for (const text of texts) expect(check(text), `${what}: ${text}`).toBe(true);
}

test.describe("a reviewer's work", () => {
  test("Manage lists the software: search and filters in the URL, each row opening its manage page", async ({ page, browser }) => {
    test.setTimeout(120_000); // a dozen page loads, and a second browser without JavaScript
    await signIn(page, USERS.reviewer, { callbackPath: "/manage" });
    const form = workList(page);
    await form.getByLabel("Search").fill("cline");
    await form.getByLabel("Status").selectOption({ label: "Restricted" });
    await form.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/\/manage\?q=cline&status=restricted/);
    const cline = rows(page).filter({ has: page.getByRole("link", { name: "Cline", exact: true }) });
    await expect(cline).toHaveCount(1);
    await expect(cline).toContainText("Developer Experience");
    await expect(cline.locator("[data-status]").first()).toHaveAttribute("data-status", "restricted");

    // Under another status Cline is not listed; a search that matches nothing says so.
    await form.getByLabel("Status").selectOption({ label: "Approved" });
    await form.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=approved&/);
    await expect(rows(page).getByRole("link", { name: "Cline", exact: true })).toHaveCount(0);
    await page.goto("/manage?q=qqzzxxvv");
    await expect(page.getByText("No software matches these filters.")).toBeVisible();

    // Owner, review due and tier filters: every row listed fits them.
    await page.goto("/manage?owner=it%20workplace");
    await expect(workList(page).getByLabel("Owner")).toHaveValue("IT Workplace");
    await expectEvery(rows(page), (t) => t.includes("IT Workplace"), "owner");
    await page.goto("/manage?due=overdue");
    await expect(workList(page).getByLabel("Review due")).toHaveValue("overdue");
    await expectEvery(page.getByTestId("work-list-due"), (t) => t.includes("Overdue since"), "review due");
    await page.goto("/manage?tier=not_assessed");
    await expectEvery(page.getByTestId("work-list-tier"), (t) => t.includes("Not assessed"), "tier");

    // Soonest review first, tools with no decision in force last.
    await page.goto("/manage?sort=due");
    const dues = await page.getByTestId("work-list-due").allInnerTexts();
    const dates = dues.map((t) => /(\d{4}-\d{2}-\d{2})/.exec(t)?.[1] ?? "none");
    expect(dates.length).toBeGreaterThan(1);
    const dated = dates.filter((d) => d !== "none");
    expect(dates.slice(0, dated.length), dues.join(" | ")).toEqual([...dated].sort());

    // A row opens the tool's manage page.
    await page.goto("/manage?q=cline");
    await rows(page).getByRole("link", { name: "Cline", exact: true }).click();
    await expect(page).toHaveURL(/\/manage\/software\/cline$/);

    // Bad values get a plain message, not an error page; the valid filters still apply.
    const response = await page.goto("/manage?q=cline&due=tomorrow&tier=extreme&page=0");
    expect(response?.status()).toBe(200);
    const problems = page.getByTestId("work-list-problems");
    await expect(problems).toContainText("The review due filter must be one of “Overdue”, “Due in the next 30 days”, “Due later”.");
    await expect(problems).toContainText("The assessed tier filter must be one of");
    await expect(problems).toContainText("The page must be at least 1.");
    await expect(rows(page).getByRole("link", { name: "Cline", exact: true })).toBeVisible();

    // The filter form is a plain GET form: it works without JavaScript.
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    try {
      const plain = await noScript.newPage();
      await plain.goto("/manage");
      await workList(plain).getByLabel("Search").fill("aider");
      await workList(plain).getByRole("button", { name: "Apply filters" }).click();
      await expect(plain).toHaveURL(/\/manage\?q=aider/);
      await expect(rows(plain).getByRole("link", { name: "Aider", exact: true })).toBeVisible();
    } finally {
      await noScript.close();
    }
  });

  test("a new decision starts from the decision in force", async ({ page }) => {
    // Cline: no other test changes its decision.
    await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/cline" });
    const api = await page.request.get("/api/v1/software/cline");
    const inForce = ((await api.json()) as { current: { status: string; conditions: string[]; rationale: string; reviewDueOn: string; alternatives: { name: string }[] }[] }).current[0]!;
    expect(inForce.status).toBe("restricted");

    const form = page.getByRole("form", { name: "Record a classification decision" });
    await expect(form.getByTestId("decision-start")).toContainText("Starts from the decision in force for all editions: Restricted");
    await expect(form.getByLabel("Status")).toHaveValue(inForce.status);
    await expect(form.getByLabel("Conditions")).toHaveValue(inForce.conditions.join("\n"));
    await expect(form.getByLabel("Rationale")).toHaveValue(inForce.rationale);
    const chips = form.getByRole("list", { name: "Chosen alternatives" }).getByRole("listitem");
    await expect(chips).toHaveText(inForce.alternatives.map((a) => new RegExp(`^${a.name}`)));
    const today = new Date().toISOString().slice(0, 10);
    await expect(form.getByLabel("Review due")).toHaveValue(inForce.reviewDueOn > today ? inForce.reviewDueOn : "");

    // For a tool whose editions are classified apart, each edition starts from its own decision.
    await page.goto("/manage/software/slack");
    await form.getByLabel("Applies to").selectOption({ label: "Free workspace" });
    await expect(form.getByTestId("decision-start")).toContainText("Starts from the decision in force for Free workspace: Prohibited");
    await expect(form.getByLabel("Status")).toHaveValue("prohibited");
    await form.getByLabel("Applies to").selectOption({ label: "Enterprise Grid" });
    await expect(form.getByLabel("Status")).toHaveValue("approved_with_conditions");
    await expect(form.getByTestId("decision-start")).toContainText("Starts from the decision in force for Enterprise Grid (made for all editions)");
  });

  test("alternatives are chosen by typing and keyboard, and saved", async ({ page }) => {
    // Aider: no other test changes its decision (approved with conditions, no alternatives).
    await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/aider" });
    const form = page.getByRole("form", { name: "Record a classification decision" });
    const box = form.getByRole("combobox", { name: "Approved alternatives" });
    const listbox = form.getByRole("listbox", { name: "Approved software" });
    const chips = form.getByRole("list", { name: "Chosen alternatives" }).getByRole("listitem");
    await expect(box).toHaveAttribute("aria-expanded", "false");

    // Type, and the first match is active: Enter adds it as a chip.
    await box.fill("contin");
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(listbox.getByRole("option")).toHaveText([/Continue/]);
    await expect(box).toHaveAttribute("aria-activedescendant", (await listbox.getByRole("option").first().getAttribute("id"))!);
    await box.press("Enter");
    await expect(chips).toHaveText([/^Continue/]);
    await expect(box).toHaveValue("");

    // Arrows move through the matches; Escape closes the list, then clears the text.
    await box.pressSequentially("i");
    const options = listbox.getByRole("option");
    expect(await options.count()).toBeGreaterThan(2);
    const second = (await options.nth(1).getAttribute("id"))!;
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", second);
    await box.press("ArrowUp");
    await expect(box).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
    await box.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(listbox).toBeHidden();
    await expect(box).toHaveValue("i");
    await box.press("Escape");
    await expect(box).toHaveValue("");

    // A third by arrows, which Backspace in the empty box removes again.
    await box.pressSequentially("iterm");
    await box.press("ArrowDown");
    await box.press("Enter");
    await expect(chips).toHaveText([/^Continue/, /^iTerm2/]);
    await box.pressSequentially("visual studio");
    await box.press("Enter");
    await expect(chips).toHaveText([/^Continue/, /^iTerm2/, /^Visual Studio Code/]);
    await box.press("Backspace");
    await expect(chips).toHaveText([/^Continue/, /^iTerm2/]);
    // Enter with the list closed submits the form as usual: not here, the rationale changes first.
    await form.getByLabel("Rationale").fill("The tool is local and open source; Continue and iTerm2 cover the same needs without a new model endpoint.");
    await form.getByRole("button", { name: "Record decision" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Decision recorded. Everyone now sees the new answer.");

    // Everyone sees the two alternatives; the form now starts from the decision just made.
    const check = await page.request.get("/api/v1/check", { params: { q: "aider" } });
    const body = (await check.json()) as { alternatives: { slug: string }[] };
    expect(body.alternatives.map((a) => a.slug).sort()).toEqual(["continue", "iterm2"]);
    await expect(chips).toHaveText([/^Continue/, /^iTerm2/]);
    await expect(form.getByLabel("Rationale")).toHaveValue(/Continue and iTerm2 cover the same needs/);
  });

  test("the assessment's breakdown reads as lines of text at 1280 and 390 px, and the work list finds the assessed tier", async ({ page }) => {
    test.setTimeout(120_000);
    // DeepSeek: no other test assesses it.
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/deepseek" });
    await page.getByRole("form", { name: "Start an assessment" }).getByRole("button", { name: "Start assessment" }).click();
    await expect(page).toHaveURL(/\/manage\/assessments\/[0-9a-f-]{36}$/);
    await completeAssessment(page, AGENT);
    const breakdown = page.getByTestId("risk-breakdown");
    await expect(breakdown.locator('[data-dimension="access_autonomy"]')).toContainText("Can it run shell commands? Yes");

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const drivers = breakdown.getByTestId("risk-drivers");
      expect(await drivers.count()).toBeGreaterThan(0);
      for (const list of await drivers.all()) {
        const box = (await list.boundingBox())!;
        expect(box.width, `drivers at ${width} px`).toBeGreaterThan(width === 1280 ? 300 : 250);
      }
      // A driver of several words takes a line or two, not one line a word.
      const driver = breakdown.locator('[data-dimension="access_autonomy"] [data-testid="risk-drivers"] li', { hasText: "Can it run shell commands?" });
      expect((await driver.boundingBox())!.height, `a driver's height at ${width} px`).toBeLessThan(50);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scroll at ${width} px`).toBeLessThanOrEqual(width);
    }

    const tier = (await breakdown.locator("p", { hasText: "Inherent tier:" }).locator("[data-level]").getAttribute("data-level"))!;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/manage?q=deepseek&tier=${tier}`);
    await expect(rows(page).getByRole("link", { name: "DeepSeek", exact: true })).toBeVisible();
    await expect(rows(page).filter({ hasText: "DeepSeek" }).getByTestId("work-list-tier").locator("[data-level]")).toHaveAttribute("data-level", tier);
    await page.goto("/manage?q=deepseek&tier=not_assessed");
    await expect(rows(page).getByRole("link", { name: "DeepSeek", exact: true })).toHaveCount(0);
  });
});

const AGENT: Record<string, string | string[]> = {
  data_retention: "Up to 30 days",
  trains_on_customer_data: "No",
  data_residency: "Elsewhere, with adequate safeguards",
  subprocessors_disclosed: "Yes",
  dpa_signed: "Yes",
  sso: "Yes",
  mfa: "Yes",
  audit_logs: "Yes",
  deployment: "Installed on the laptop",
  network_egress: "Only the vendor's documented endpoints",
  update_channel: "Automatic, signed updates",
  third_party_extensions: "No",
  runs_shell_commands: "Yes",
  file_access: "Anywhere the user can",
  agent_network_access: "Yes",
  sends_content_to_cloud: "Whole files, repositories or documents",
  mcp_plugins: "Yes",
  autonomy: "Acts without asking (auto-approve, background agents)",
};
