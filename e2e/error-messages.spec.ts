import { expect, test } from "./support/test";
import { followNavLink, signIn } from "./support/auth";
import { USERS } from "./support/constants";

test.describe("error messages a person reads", () => {
  test("a refused exception request says in a sentence what is missing, beside the field, and focuses it", async ({ page }) => {
    await signIn(page, USERS.employee, { callbackPath: "/software/windsurf" });
    await page.getByRole("link", { name: "Ask for an exception" }).click();
    const form = page.getByRole("form", { name: "Request an exception" });
    await form.getByLabel("Most sensitive data you will use it with").selectOption({ label: "Internal" });
    await form.getByLabel("Justification").fill("The approved editors cannot open our remote containers.");
    await form.getByLabel("Until (last day)").fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await form.getByRole("button", { name: "Send request" }).click();

    const purpose = form.getByLabel("Purpose");
    await expect(form.locator('[data-field-error="purpose"]')).toHaveText("Purpose is required.");
    await expect(purpose).toHaveAttribute("aria-invalid", "true");
    await expect(purpose).toHaveAccessibleDescription(/Purpose is required\./);
    await expect(purpose).toBeFocused();
    const summary = form.getByTestId("form-message");
    await expect(summary).toHaveText(/^Please correct \d+ fields?: .*Purpose is required\./);
    await expect(summary).not.toContainText("Invalid input");
    await expect(summary).not.toContainText("purpose:");
  });

  test("a bad reassessment interval is explained in words, not as a path, and the field gets focus", async ({ page }) => {
    await signIn(page, USERS.admin);
    await followNavLink(page, "Settings");
    const form = page.getByRole("form", { name: "Settings" });
    const critical = form.getByLabel("Critical", { exact: true });
    await critical.fill("0");
    await form.getByRole("button", { name: "Save settings" }).click();

    await expect(form.locator('[data-field-error="reassessment.critical"]')).toHaveText("The interval for reassessing critical-risk tools must be at least 1 month.");
    await expect(critical).toBeFocused();
    await expect(form.getByTestId("form-message")).toHaveText("Please correct 1 field: The interval for reassessing critical-risk tools must be at least 1 month.");
  });
});
