import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn, signInRequest } from "./support/auth";
import { APP_URL, USERS } from "./support/constants";
import { postServerAction } from "./support/server-actions";

/**
 * Issue 10, finding 11: an evidence upload over Next's server-action body limit answered 500
 * ("Unexpected end of form": Next's form reader stops at the limit, mid-form). Each upload over
 * its limit must get the form's message or a 413, never a 500. The raw requests are what a
 * browser's fetch sends for the evidence form (React's reply encoding), so they reach the real
 * server action of the built app.
 */
const MB = 1024 * 1024;
const VENDOR_PAGE = "/vendors/zoom-communications";

function pdfOf(bytes: number): Buffer {
  const file = Buffer.alloc(bytes, 32);
  file.write("%PDF-1.7\n");
  return file;
}

function postEvidence(request: APIRequestContext, fields: Record<string, string>, file: Buffer) {
  return postServerAction(request, VENDOR_PAGE, "addEvidenceAction", { ...fields, file: { name: "big.pdf", mimeType: "application/pdf", buffer: file } });
}

async function vendorIdOf(request: APIRequestContext): Promise<string> {
  const html = await (await request.get(VENDOR_PAGE)).text();
  const id = /name="vendorId" value="([^"]+)"/.exec(html)?.[1];
  expect(id, "the vendor page has the evidence form").toBeTruthy();
  return id!;
}

test.describe("uploads over their limit (issue 10, finding 11)", () => {
  test("an evidence file just over 10 MB gets the form's message, not a 500", async ({ request }) => {
    await signInRequest(request, USERS.reviewer);
    const response = await postEvidence(request, { vendorId: await vendorIdOf(request), title: "Too big" }, pdfOf(10 * MB + 512 * 1024));
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("The file is larger than 10 MB");
  });

  test("a form post larger than any form takes is refused with 413 and the message, before it is read", async ({ request }) => {
    await signInRequest(request, USERS.reviewer);
    const response = await postEvidence(request, { vendorId: await vendorIdOf(request), title: "Far too big" }, pdfOf(12 * MB));
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain("The file is larger than 10 MB");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("a form post streamed without a declared length is refused with 411, not cut off at the limit with a 500", async () => {
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(`${APP_URL}${VENDOR_PAGE}`, { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x", "Transfer-Encoding": "chunked", "Next-Action": "0".repeat(42) } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      });
      request.on("error", reject);
      // 12 MB in 1 MB chunks: past every limit, with no Content-Length to refuse it by.
      for (let i = 0; i < 12; i++) request.write(Buffer.alloc(MB, "a"));
      request.end();
    });
    expect(status).toBe(411);
    expect(text).toContain("Content-Length");
  });

  test("the API uploads answer 413 in JSON past their limits", async ({ request }) => {
    await signInRequest(request, USERS.reviewer);
    const body = Buffer.alloc(11 * MB, "a");
    for (const url of ["/api/v1/check", "/api/v1/catalogue/import?mode=dry-run"]) {
      const response = await request.post(url, { headers: { "Content-Type": "text/plain", Origin: APP_URL, "Sec-Fetch-Site": "same-origin" }, data: body });
      expect(response.status(), url).toBe(413);
      expect((await response.json()).error.message, url).toMatch(/larger than/);
    }
  });

  test("in the browser, an 11 MB evidence file shows the size message and is not sent", async ({ page }) => {
    await signIn(page, USERS.reviewer, { callbackPath: VENDOR_PAGE });
    const form = page.getByRole("form", { name: "Add evidence" });
    await form.getByLabel("Title").fill("An 11 MB report");
    await form.getByLabel("File").setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: pdfOf(11 * MB) });
    await expect(form.getByText("That file is larger than 10 MB")).toBeVisible();
    await expect(form.getByRole("button", { name: "Add evidence" })).toHaveCount(0);
  });
});
