import { expect, test } from "./support/test";
import { completeAssessment } from "./support/assessment";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

/**
 * Issue 11, item 9: an employee sees why a tool is risky, not only the rationale: the assessed
 * tier of the current assessment and, for an AI agent, what it can do in plain words — on the
 * software page and in the check API. Nothing is shown before an assessment is completed. The
 * tool is created here, so no other journey's assessment shows through.
 */

/** An agent that runs commands after asking, edits the workspace, sends whole repositories and uses MCP servers. */
const AGENT: Record<string, string | string[]> = {
  data_retention: "Up to 30 days",
  trains_on_customer_data: "No",
  data_residency: "In our required region, contractually",
  subprocessors_disclosed: "Yes",
  dpa_signed: "Yes",
  sso: "Yes",
  mfa: "Yes",
  audit_logs: "Yes",
  certifications: ["SOC 2 Type II"],
  deployment: "Installed on the laptop",
  network_egress: "Only the vendor's documented endpoints",
  update_channel: "Automatic, signed updates",
  third_party_extensions: "No",
  runs_shell_commands: "Yes",
  file_access: "Read and write the workspace",
  agent_network_access: "No",
  sends_content_to_cloud: "Whole files, repositories or documents",
  mcp_plugins: "Yes",
  autonomy: "Acts after asking for each step",
  enterprise_controls: ["Zero data retention"],
};

test("an employee reads an assessed AI agent's tier and what it can do, on its page and in the check API", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const name = `Burrow Agent ${stamp}`;
  const slug = `burrow-agent-${stamp}`;

  // A reviewer catalogues a new AI coding agent.
  await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/new" });
  const create = page.getByRole("form", { name: "New software" });
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Kind").selectOption({ label: "Command-line tool" });
  await create.getByLabel("Category").fill("AI coding");
  await create.getByRole("button", { name: "Create software" }).click();
  await expect(page).toHaveURL(new RegExp(`/manage/software/${slug}$`));

  // Before any assessment, the employee sees no risk section.
  const employee = await (await browser.newContext()).newPage();
  try {
    await signIn(employee, USERS.employee, { callbackPath: `/software/${slug}` });
    await expect(employee.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(employee.getByRole("region", { name: "Why it is rated this way" })).toHaveCount(0);
    expect((await (await employee.request.get(`/api/v1/check?q=${slug}`)).json()).assessment).toBeNull();

    // The reviewer assesses it with the default questionnaire.
    await page.getByRole("form", { name: "Start an assessment" }).getByRole("button", { name: "Start assessment" }).click();
    await expect(page).toHaveURL(/\/manage\/assessments\/[0-9a-f-]{36}$/);
    await completeAssessment(page, AGENT);
    await expect(page.getByTestId("risk-breakdown")).toContainText("Inherent tier: High");

    // The employee now reads the tier and the agent's capabilities in plain words.
    await employee.reload();
    const risk = employee.getByRole("region", { name: "Why it is rated this way" });
    await expect(risk.locator("[data-level]").first()).toHaveAttribute("data-level", "high");
    await expect(risk).toContainText("Assessed risk High");
    const can = risk.getByRole("list", { name: "What this agent can do" });
    await expect(can.getByRole("listitem")).toHaveText([
      "It can run shell commands on your computer.",
      "It reads and changes the files of the project you open.",
      "It acts on its own after asking you for each step.",
      "It sends your code to the vendor's cloud (whole files or repositories).",
      "It connects to plugins (MCP servers).",
    ]);

    // The check API gives the same, for scripts and chat bots.
    const answer = await (await employee.request.get(`/api/v1/check?q=${slug}`)).json();
    expect(answer.assessment).toMatchObject({ inherentTier: "high" });
    expect(answer.assessment.agentCapabilities.map((c: { text: string }) => c.text)).toContain("can run shell commands on your computer");
    expect(answer.assessment.agentCapabilities.map((c: { id: string }) => c.id)).toEqual(["runs_shell_commands", "file_access", "autonomy", "sends_content_to_cloud", "mcp_plugins"]);
  } finally {
    await employee.context().close();
  }
});
