/**
 * A real HTTP server on 127.0.0.1 (a random port) that receives webhooks the way a customer's
 * endpoint would and keeps each request's headers and raw body, so tests can verify signatures
 * exactly as a receiver must. Each path answers from a script (e.g. 500 first, then 200); once the
 * script is used up it answers 200. Used by the integration tests and the end-to-end journey.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  path: string;
  method: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** The raw body, byte for byte as sent (decoded as UTF-8): what the signature covers. */
  body: string;
  receivedAt: number;
}

export interface ScriptedAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (timeouts, overlapping tries). */
  delayMs?: number;
}

export interface WebhookReceiver {
  port: number;
  url(path: string): string;
  received: ReceivedWebhook[];
  for(path: string): ReceivedWebhook[];
  /** The answers `path` gives next, in order; then 200. */
  script(path: string, ...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const scripts = new Map<string, ScriptedAnswer[]>();
  const sockets = new Set<import("node:net").Socket>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = (request.url ?? "/").split("?")[0]!;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(", ") : (value ?? "");
    received.push({ path, method: request.method ?? "", headers, body: Buffer.concat(chunks).toString("utf8"), receivedAt: Date.now() });
    const answer = scripts.get(path)?.shift() ?? { status: 200, body: "ok" };
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (response.destroyed) return;
    response.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
    response.end(answer.body ?? "");
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.address() as AddressInfo).port;

  return {
    port: actualPort,
    url: (path) => `http://127.0.0.1:${actualPort}${path}`,
    received,
    for: (path) => received.filter((r) => r.path === path),
    script: (path, ...answers) => scripts.set(path, [...answers]),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
