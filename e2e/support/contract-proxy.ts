import http from "node:http";
import type { ObservedResponse } from "../../tests/support/openapi-contract";

/**
 * The app's address during the end-to-end run: a proxy in front of `next start` that checks
 * every /api/v1 response — whether a test, a page or the CLI made the call — against the
 * OpenAPI document, and keeps what it found for the last journey (e2e/contract/) to assert.
 * Everything else passes through untouched.
 */
export interface ContractReport {
  checked: number;
  violations: string[];
}

export const CONTRACT_REPORT_PATH = "/__contract";

export function startContractProxy(options: { port: number; upstreamPort: number; check: (response: ObservedResponse) => string[] }): http.Server {
  const report: ContractReport = { checked: 0, violations: [] };
  const server = http.createServer((request, response) => {
    if (request.url === CONTRACT_REPORT_PATH) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(report));
      return;
    }
    const watched = (request.url ?? "").startsWith("/api/v1/");
    const headers = { ...request.headers };
    // A body the proxy reads must arrive uncompressed.
    if (watched) delete headers["accept-encoding"];
    const upstream = http.request(
      { host: "127.0.0.1", port: options.upstreamPort, method: request.method, path: request.url, headers },
      (answer) => {
        if (!watched) {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const body = Buffer.concat(chunks);
          const problems = options.check({
            method: request.method ?? "GET",
            url: request.url ?? "/",
            status: answer.statusCode ?? 0,
            contentType: answer.headers["content-type"] ?? null,
            body: body.toString("utf8"),
          });
          report.checked += 1;
          for (const problem of problems) {
            report.violations.push(problem);
            console.error(`[contract] ${problem}`);
          }
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(body);
        });
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  server.listen(options.port, "::");
  return server;
}
