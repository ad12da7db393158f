import { expect, test } from "./support/test";
import { mainNav, signIn } from "./support/auth";
import { USERS } from "./support/constants";

test.describe("maintaining the catalogue", () => {
  test("a reviewer adds a tool with an edition and identifiers, and an employee finds it by its domain", async ({ page, browser }) => {
    const stamp = Date.now().toString(36);
    const name = `Quokka Notes ${stamp}`;
    const domain = `quokka-${stamp}.example.com`;

    await signIn(page, USERS.reviewer, { callbackPath: "/manage" });
    await page.getByRole("link", { name: "New software" }).click();
    const create = page.getByRole("form", { name: "New software" });

    // Refused first: no name, no kind. Field errors appear beside the fields.
    await create.getByRole("button", { name: "Create software" }).click();
    await expect(create.locator('[data-field-error="name"]')).toHaveText("Name is required.");
    await expect(create.locator('[data-field-error="kind"]')).toHaveText("Choose a kind.");

    await create.getByLabel("Name").fill(name);
    await create.getByLabel("Kind").selectOption({ label: "SaaS" });
    await create.getByLabel("Category").fill("Note taking");
    await create.getByLabel("Homepage").fill(`https://${domain}`);
    await create.getByLabel("Description").fill("Shared notebooks with an optional AI summariser.");
    await create.getByRole("button", { name: "Create software" }).click();
    await expect(page).toHaveURL(new RegExp(`/manage/software/quokka-notes-${stamp}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

    const edition = page.getByRole("form", { name: "New edition" });
    await edition.getByLabel("Edition name").fill("Enterprise");
    await edition.getByRole("button", { name: "Add edition" }).click();
    await expect(edition.getByTestId("form-message")).toHaveText("Added edition Enterprise.");
    await expect(page.getByRole("form", { name: "Edit edition Enterprise" })).toBeVisible();

    const identifier = page.getByRole("form", { name: "New identifier" });
    await identifier.getByLabel("Type").selectOption({ label: "SHA-256 of a binary" });
    await identifier.getByLabel("Value").fill("not-a-hash");
    await identifier.getByRole("button", { name: "Add identifier" }).click();
    await expect(identifier.locator('[data-field-error="value"]')).toHaveText("Not a valid sha256 identifier.");

    await identifier.getByLabel("Type").selectOption({ label: "Domain" });
    await identifier.getByLabel("Value").fill(`https://www.${domain.toUpperCase()}/login`);
    await identifier.getByRole("button", { name: "Add identifier" }).click();
    await expect(identifier.getByTestId("form-message")).toHaveText(`Added ${domain}.`);

    // The same domain cannot name a second product.
    await identifier.getByLabel("Type").selectOption({ label: "Domain" });
    await identifier.getByLabel("Value").fill(domain);
    await identifier.getByRole("button", { name: "Add identifier" }).click();
    await expect(identifier.locator('[data-field-error="value"]')).toHaveText(`Already an identifier of ${name}`);

    const employeeContext = await browser.newContext();
    try {
      const employee = await employeeContext.newPage();
      await signIn(employee, USERS.employee);
      await employee.getByRole("combobox").fill(domain);
      const option = employee.getByRole("listbox", { name: "Matching software" }).getByRole("option").first();
      await expect(option).toContainText(name);
      await expect(option.locator("[data-status]")).toHaveAttribute("data-status", "unclassified");
      await option.click();
      await expect(employee.getByRole("heading", { level: 1 })).toHaveText(name);
      await expect(employee.getByTestId("status-meaning").first()).toHaveText("Not yet classified: treat it as not allowed yet.");
      await expect(mainNav(employee).getByRole("link", { name: "Manage" })).toHaveCount(0);
    } finally {
      await employeeContext.close();
    }

    // The trail records each step.
    await page.goto(`/software/quokka-notes-${stamp}/audit`);
    const actions = await page.getByTestId("audit-event").evaluateAll((events) => events.map((e) => e.getAttribute("data-action")));
    expect(actions).toEqual(["identifier.added", "edition.created", "software.created"]);
  });

  test("an admin adds a user, makes them a manager's report and changes their role", async ({ page }) => {
    const email = `new.hire.${Date.now().toString(36)}@example.com`;
    await signIn(page, USERS.admin, { callbackPath: "/admin/users" });
    const add = page.getByRole("form", { name: "Add a user" });
    await add.getByLabel("Email").fill(email);
    await add.getByLabel("Name").fill("New Hire");
    await add.getByLabel("Password (optional)").fill("short");
    await add.getByRole("button", { name: "Add user" }).click();
    await expect(add.locator('[data-field-error="password"]')).toHaveText("Password must be at least 12 characters.");
    await add.getByLabel("Password (optional)").fill("");
    await add.getByLabel("Manager").selectOption({ label: "Morgan Manager" });
    await add.getByRole("button", { name: "Add user" }).click();
    await expect(add.getByTestId("form-message")).toHaveText(`Added ${email}.`);

    const row = page.getByRole("form", { name: `Edit ${email}` });
    await expect(row.getByLabel("Manager")).toHaveValue(/.+/);
    await row.getByLabel("Role").selectOption("reviewer");
    await row.getByRole("button", { name: "Save" }).click();
    await expect(row.getByTestId("form-message")).toHaveText(`Saved ${email}.`);

    // A management loop is refused by the server, beside the field.
    const manager = page.getByRole("form", { name: `Edit ${USERS.manager}` });
    await manager.getByLabel("Manager").selectOption({ label: "New Hire" });
    await manager.getByRole("button", { name: "Save" }).click();
    await expect(manager.locator('[data-field-error="managerId"]')).toHaveText("That would create a management loop");

    await page.reload();
    await expect(page.getByRole("form", { name: `Edit ${email}` }).getByLabel("Role")).toHaveValue("reviewer");
    await expect(page.getByRole("form", { name: `Edit ${USERS.manager}` }).getByLabel("Manager")).toHaveValue("");
  });
});
