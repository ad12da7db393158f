import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

test.describe("evidence", () => {
  // Zoom's vendor page: no other test touches its evidence.
  test("a reviewer attaches a report; disguised files are refused; downloads are safe and for reviewers only", async ({ page, browser }) => {
    await signIn(page, USERS.reviewer, { callbackPath: "/software/zoom" });
    await page.getByRole("link", { name: "Zoom Communications", exact: true }).click();
    const form = page.getByRole("form", { name: "Add evidence" });

    await form.getByLabel("Title").fill("Not really a PDF");
    await form.getByLabel("File").setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("<!DOCTYPE html><script>alert(1)</script>") });
    await form.getByRole("button", { name: "Add evidence" }).click();
    await expect(form.locator('[data-field-error="file"]')).toContainText("judged by its content, not its name");
    await expect(page.getByTestId("evidence-item")).toHaveCount(0);

    await form.getByLabel("Title").fill("SOC 2 Type II report");
    await form.getByLabel("Valid until (optional)").fill("2027-03-31");
    await form.getByLabel("File").setInputFiles({ name: "zoom-soc2.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n%%EOF\n") });
    await form.getByRole("button", { name: "Add evidence" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Added zoom-soc2.pdf.");
    const item = page.getByTestId("evidence-item");
    await expect(item).toContainText("valid until Mar 31, 2027");

    const href = await item.getByRole("link", { name: "SOC 2 Type II report" }).getAttribute("href");
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(download.headers()["content-disposition"]).toContain('attachment; filename="zoom-soc2.pdf"');
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(download.headers()["content-security-policy"]).toContain("sandbox");
    expect((await download.body()).toString()).toContain("%PDF-1.7");

    const context = await browser.newContext();
    try {
      const employee = await context.newPage();
      await signIn(employee, USERS.employee, { callbackPath: "/software/zoom" });
      await employee.getByRole("link", { name: "Zoom Communications", exact: true }).click();
      await expect(employee.getByRole("heading", { name: "Evidence" })).toHaveCount(0);
      expect((await employee.request.get(href!)).status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
