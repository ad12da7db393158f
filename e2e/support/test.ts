import { expect, test as base } from "@playwright/test";

/**
 * Every journey runs under the app's Content-Security-Policy and fails on any violation of
 * it: an init script records each `securitypolicyviolation` event of every page of the test's
 * browser context, and the test fails afterwards unless it took out the ones it provoked on
 * purpose (`cspViolations.splice(0)`).
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding("__vettedCspViolation", (_source, text: string) => {
        violations.push(text);
      });
      await context.addInitScript(() => {
        document.addEventListener(
          "securitypolicyviolation",
          (event) => {
            const report = (window as unknown as { __vettedCspViolation: (text: string) => void }).__vettedCspViolation;
            report(`${event.effectiveDirective} refused ${event.blockedURI || "inline code"} on ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`);
          },
          true,
        );
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
