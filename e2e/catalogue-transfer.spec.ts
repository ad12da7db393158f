import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { CSV_COLUMNS } from "../lib/domain/catalogue-transfer";
import { parseCsv, restoreFormula, toCsv } from "../lib/domain/csv";
import { signIn, signInRequest } from "./support/auth";
import { APP_URL, USERS } from "./support/constants";
import { query } from "./support/db";

const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

/** The records of a downloaded catalogue CSV, cells as they were before the export neutralised formulas. */
function readCatalogueCsv(text: string): string[][] {
  const [header, ...rows] = parseCsv(text);
  expect(header!.cells).toEqual([...CSV_COLUMNS]);
  return rows.map((r) => r.cells.map(restoreFormula));
}

const isSoftwareRow = (cells: string[]) => cells[column("edition")] === "" && cells[column("edition_name")] === "";

test.describe("catalogue import and export", () => {
  test("a reviewer downloads a filtered CSV, edits it, checks it with a dry run, applies it and sees the change", async ({ page }) => {
    const mark = Date.now().toString(36);
    // A category no other journey touches, so that journeys running beside this one cannot change it meanwhile.
    await signIn(page, USERS.reviewer, { callbackPath: "/software?category=Networking" });
    const count = Number((await page.getByTestId("result-count").textContent())!.split(" ")[0]);
    expect(count).toBeGreaterThan(1);
    const listed = await page.locator("tbody tr td:first-child").allTextContents();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV", exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^vetted-catalogue-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = readCatalogueCsv(await readFile((await download.path())!, "utf8"));
    const software = rows.filter(isSoftwareRow);
    // Exactly the filtered catalogue: every row of that category, the same ones the page lists.
    expect(software).toHaveLength(count);
    expect(software.every((cells) => cells[column("category")] === "Networking")).toBe(true);
    expect(software.map((cells) => cells[column("name")]).sort()).toEqual([...listed].sort());

    // Edit: a new owner for one tool, and a new tool with a decision.
    const edited = software.find((cells) => cells[column("name")] === "Tailscale")!;
    const editedSlug = edited[column("slug")]!;
    const owner = `Import Team ${mark}`;
    edited[column("owner")] = owner;
    const added = CSV_COLUMNS.map(() => "");
    Object.assign(added, {
      [column("slug")]: `e2e-imported-${mark}`,
      [column("name")]: `E2E Imported ${mark}`,
      [column("kind")]: "cli",
      [column("category")]: "Networking",
      [column("identifiers")]: `npm:@e2e-imported/${mark}`,
      [column("status")]: "approved",
      [column("max_data_class")]: "internal",
      [column("rationale")]: "Checked by the import journey.",
    });
    const file = Buffer.from(toCsv(CSV_COLUMNS, [...rows, added]));

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Manage" }).click();
    await page.getByRole("link", { name: "Import and export" }).click();
    await expect(page.getByRole("heading", { name: "Import and export the catalogue" })).toBeVisible();
    await page.getByLabel("Catalogue file (CSV or JSON)").setInputFiles({ name: "catalogue.csv", mimeType: "text/csv", buffer: file });
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();

    await expect(page.getByRole("heading", { name: `Dry run: ${count + 1} software in the CSV file` })).toBeVisible();
    await expect(page.getByTestId("summary-create")).toHaveText("Create 1");
    await expect(page.getByTestId("summary-update")).toHaveText("Update 1");
    await expect(page.getByTestId("summary-unchanged")).toHaveText(`Unchanged ${count - 1}`);
    await expect(page.getByTestId("summary-reject")).toHaveText("Rejected 0");
    const updateRow = page.getByRole("row").filter({ hasText: editedSlug });
    await expect(updateRow).toHaveAttribute("data-action", "update");
    await expect(updateRow).toContainText(`owner:`);
    await expect(updateRow).toContainText(owner);
    const createRow = page.getByRole("row").filter({ hasText: `E2E Imported ${mark}` });
    await expect(createRow).toHaveAttribute("data-action", "create");
    await expect(createRow).toContainText("decision (all editions): approved, up to internal data");
    // The dry run wrote nothing.
    expect(await query("SELECT 1 FROM software WHERE slug = $1", [`e2e-imported-${mark}`])).toHaveLength(0);

    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Imported: 1 created, 1 updated, ${count - 1} unchanged.` })).toBeVisible();

    await page.getByRole("link", { name: "See the catalogue" }).click();
    await page.goto("/software?category=Networking");
    await expect(page.getByTestId("result-count")).toHaveText(`${count + 1} tools`);
    await page.getByRole("link", { name: `E2E Imported ${mark}` }).click();
    await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
    await page.goto(`/software/${editedSlug}`);
    await expect(page.getByText(`owned internally by ${owner}`)).toBeVisible();
  });

  test("a file with a rejected row cannot be applied; a file that is not UTF-8 is refused with its line", async ({ page }) => {
    await signIn(page, USERS.reviewer, { callbackPath: "/manage/import" });
    const bad = CSV_COLUMNS.map(() => "");
    Object.assign(bad, { [column("name")]: "Spreadsheet Thing", [column("kind")]: "spreadsheet", [column("category")]: "Office" });
    await page.getByLabel("Catalogue file (CSV or JSON)").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(toCsv(CSV_COLUMNS, [bad])) });
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    const row = page.getByRole("row").filter({ hasText: "Spreadsheet Thing" });
    await expect(row).toHaveAttribute("data-action", "reject");
    await expect(row).toContainText("kind: must be one of");
    await expect(page.getByRole("button", { name: "Apply" })).toBeDisabled();

    const latin1 = Buffer.concat([Buffer.from(`${CSV_COLUMNS.join(",")}\r\n`), Buffer.from(",Caf\xe9,,,saas,Cafe,,,,,,,,,,,,,,,\r\n", "latin1")]);
    await page.getByLabel("Catalogue file (CSV or JSON)").setInputFiles({ name: "latin1.csv", mimeType: "text/csv", buffer: latin1 });
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The file is not UTF-8: line 2" })).toBeVisible();
  });

  test("an employee gets 403 on the page and the API; the API refuses a cross-site POST and a 50 MB body", async ({ page, playwright }) => {
    await signIn(page, USERS.employee);
    const response = await page.goto("/manage/import");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    const employeeApi = await page.request.post("/api/v1/catalogue/import", { headers: { "Content-Type": "text/csv" }, data: `${CSV_COLUMNS.join(",")}\r\n` });
    expect(employeeApi.status()).toBe(403);
    // Employees may still export what they may read.
    const exported = await page.request.get("/api/v1/catalogue/export?format=json&category=Networking");
    expect(exported.status()).toBe(200);
    expect((await exported.json()).software.every((s: { category: string }) => s.category === "Networking")).toBe(true);

    const reviewer = await playwright.request.newContext({ baseURL: APP_URL });
    await signInRequest(reviewer, USERS.reviewer);
    try {
      const crossSite = await reviewer.post("/api/v1/catalogue/import?mode=apply", { headers: { "Content-Type": "text/csv", Origin: "https://evil.example" }, data: `${CSV_COLUMNS.join(",")}\r\n` });
      expect(crossSite.status()).toBe(403);
      const huge = await reviewer.post("/api/v1/catalogue/import", { headers: { "Content-Type": "text/csv" }, data: Buffer.alloc(50 * 1024 * 1024, 0x61) });
      expect(huge.status()).toBe(413);
      expect((await huge.json()).error.message).toBe("The body is larger than 10 MB.");
    } finally {
      await reviewer.dispose();
    }
  });
});
