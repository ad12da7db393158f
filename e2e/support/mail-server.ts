/**
 * The mail server of the end-to-end runs, started by playwright.config.ts: a real SMTP server
 * (smtp-server, with a user name and password, as a company relay would ask) that keeps what
 * the app sends, and a small HTTP view of it on loopback for the tests (e2e/support/mail.ts):
 *
 *   GET    /messages?to=<address>  → [{ from, to, subject, text, receivedAt }], oldest first
 *   DELETE /messages               → forget everything
 *   GET    /health                 → 200
 */
import { createServer } from "node:http";
import { startMailbox } from "../../tests/support/mailbox";
import { MAILBOX_PORT, SMTP_PASSWORD, SMTP_PORT, SMTP_USER } from "./constants";

async function main() {
  const mailbox = await startMailbox({ port: SMTP_PORT, host: "127.0.0.1", auth: { user: SMTP_USER, pass: SMTP_PASSWORD } });
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://mailbox");
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method === "GET" && url.pathname === "/health") return json(200, { status: "ok" });
    if (req.method === "GET" && url.pathname === "/messages") {
      const to = url.searchParams.get("to");
      return json(200, to ? mailbox.for(to) : mailbox.messages);
    }
    if (req.method === "DELETE" && url.pathname === "/messages") {
      mailbox.clear();
      return json(200, { status: "cleared" });
    }
    json(404, { error: "not found" });
  });
  http.listen(MAILBOX_PORT, "127.0.0.1", () => console.log(`[mail] SMTP on 127.0.0.1:${SMTP_PORT}, messages at http://127.0.0.1:${MAILBOX_PORT}/messages`));
  const stop = () => {
    http.close();
    void mailbox.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error("[mail] failed to start:", error);
  process.exit(1);
});
