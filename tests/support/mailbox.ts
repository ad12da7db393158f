/**
 * A real SMTP server for tests (the `smtp-server` package) that keeps what it receives, decoded
 * enough to assert on: recipients, subject and plain text. Used by the integration tests and by
 * the end-to-end harness (e2e/support/mail-server.ts).
 */
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerError } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

export interface MailboxOptions {
  port?: number;
  host?: string;
  /** Require these credentials (AUTH PLAIN/LOGIN over the plain connection, as a local relay might). */
  auth?: { user: string; pass: string };
  /** Answer RCPT TO with this error for the recipients it returns true for. */
  refuse?: (recipient: string) => { code: number; message: string } | null;
}

export interface Mailbox {
  port: number;
  messages: ReceivedMail[];
  for(recipient: string): ReceivedMail[];
  clear(): void;
  close(): Promise<void>;
}

export async function startMailbox(options: MailboxOptions = {}): Promise<Mailbox> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    // Plain connections only: the app under test talks to it on loopback.
    disabledCommands: options.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    allowInsecureAuth: true,
    authOptional: !options.auth,
    size: 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
      callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const refusal = options.refuse?.(address.address);
      if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }) as SMTPServerError);
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const parsed = parseMessage(Buffer.concat(chunks).toString("utf8"));
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject,
          text: parsed.text,
          receivedAt: new Date().toISOString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    for: (recipient) => messages.filter((m) => m.to.includes(recipient.toLowerCase()) || m.to.includes(recipient)),
    clear: () => void messages.splice(0),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// ---- Just enough MIME for single-part plain-text mail (what Vetted sends) ----------------

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 encoded words ("=?UTF-8?Q?…?="), as in a non-ASCII subject. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

export function parseMessage(raw: string): { subject: string; text: string; headers: Map<string, string> } {
  const source = raw.replace(/\r\n/g, "\n");
  const split = source.indexOf("\n\n");
  const head = split === -1 ? source : source.slice(0, split);
  const body = split === -1 ? "" : source.slice(split + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : body;
  return { subject: decodeWords(headers.get("subject") ?? ""), text: text.replace(/\n$/, ""), headers };
}
