import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

test.describe("vendor profile", () => {
  test("a reviewer records a vendor's certifications and DPA; an employee reads them beside its software", async ({ page, browser }) => {
    await signIn(page, USERS.reviewer, { callbackPath: "/software/claude-code" });
    await page.getByRole("link", { name: "Anthropic", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anthropic");
    const form = page.getByRole("form", { name: "Edit vendor profile" });
    await form.getByLabel("Data processing agreement").selectOption({ label: "Signed" });
    await form.getByLabel("Data residency").fill("US, EU on request");
    await form.getByLabel("Certifications").fill("SOC 2 Type II\nISO/IEC 27001");
    await form.getByLabel("Sub-processors").fill("Amazon Web Services\nGoogle Cloud");
    await form.getByRole("button", { name: "Save vendor" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Saved vendor Anthropic.");

    const context = await browser.newContext();
    try {
      const employee = await context.newPage();
      await signIn(employee, USERS.employee, { callbackPath: "/software/claude-code" });
      await employee.getByRole("link", { name: "Anthropic", exact: true }).click();
      const profile = employee.getByTestId("vendor-profile");
      await expect(profile).toContainText("Signed");
      await expect(profile).toContainText("ISO/IEC 27001");
      await expect(profile).toContainText("Google Cloud");
      await expect(employee.getByRole("link", { name: "Claude Code" })).toBeVisible();
      await expect(employee.getByRole("form", { name: "Edit vendor profile" })).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});
