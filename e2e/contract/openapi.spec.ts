import { expect, test } from "../support/test";
import { CONTRACT_REPORT_PATH, type ContractReport } from "../support/contract-proxy";

/**
 * Runs after every other journey (its own project): the proxy in front of the app has checked
 * each /api/v1 response they caused — tests, pages and the CLI alike — against the OpenAPI
 * document. None may have strayed, and there must have been plenty to check.
 */
test("every /api/v1 response in the journeys matches the OpenAPI document", async ({ request }) => {
  const report = (await (await request.get(CONTRACT_REPORT_PATH)).json()) as ContractReport;
  expect(report.violations).toEqual([]);
  expect(report.checked).toBeGreaterThan(50);
});

test("the app serves the document the responses were checked against, without a session", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.1");
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/v1/check", "/api/v1/software/{slug}", "/api/v1/exports/santa"]));
});
