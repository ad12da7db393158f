import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

test.describe("four-eyes decisions", () => {
  // WeTransfer is seeded Prohibited; no other test touches it.
  test("a loosening decision waits for a second reviewer; the proposer cannot confirm it; once confirmed everyone sees it", async ({ page, browser }) => {
    await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/wetransfer" });
    const form = page.getByRole("form", { name: "Record a classification decision" });
    await form.getByLabel("Status").selectOption({ label: "Approved with conditions" });
    await form.getByLabel("Highest data class allowed").selectOption({ label: "Public" });
    await form.getByLabel("Conditions").fill("Public marketing files only");
    await form.getByLabel("Rationale").fill("Marketing needs to send public press kits; links expire after 7 days.");
    await form.getByRole("button", { name: "Record decision" }).click();
    await expect(form.getByTestId("form-message")).toContainText("takes effect when a second reviewer confirms it");

    const pending = page.getByTestId("pending-decision");
    await expect(pending).toContainText("It loosens Prohibited to Approved with conditions.");
    await expect(pending).toContainText("Another reviewer must confirm your decision.");
    await expect(pending.getByRole("button", { name: "Confirm as second reviewer" })).toHaveCount(0);

    const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
    try {
      const [employee, second] = await Promise.all(contexts.map((c) => c.newPage()));
      await signIn(employee!, USERS.employee, { callbackPath: "/software/wetransfer" });
      await expect(employee!.getByTestId("pending-notice")).toBeVisible();
      expect((await (await employee!.request.get("/api/v1/check?q=wetransfer&dataClass=public")).json()).verdict).toBe("prohibited");

      await signIn(second!, USERS.reviewer2, { callbackPath: "/manage/software/wetransfer" });
      const confirm = second!.getByTestId("pending-decision");
      await confirm.getByRole("button", { name: "Confirm as second reviewer" }).click();
      await expect(second!.getByTestId("pending-decision")).toHaveCount(0);
      await expect(second!.locator("h1 + [data-status]")).toHaveAttribute("data-status", "approved_with_conditions");

      await employee!.reload();
      await expect(employee!.getByTestId("pending-notice")).toHaveCount(0);
      await expect(employee!.locator("article > header [data-status]")).toHaveAttribute("data-status", "approved_with_conditions");
      expect((await (await employee!.request.get("/api/v1/check?q=wetransfer&dataClass=public")).json()).verdict).toBe("allowed_with_conditions");
      await expect(employee!.getByTestId("history-entry").first()).toContainText("confirmed by Robin Reviewer");
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });
});
