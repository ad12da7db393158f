import "server-only";
import nodemailer from "nodemailer";
import type { SmtpConfig } from "../config";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one plain-text email; throws when the server refuses it or cannot be reached. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function createMailer(smtp: SmtpConfig, from: string): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.auth ?? undefined,
    // Short timeouts: a delivery holds its outbox row (and, with the embedded database, the
    // database) while it talks to the server.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Text only: never let a message pull in local files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
    close: () => transport.close(),
  };
}

const CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ENOTFOUND", "EPROTOCOL", "ETLS"]);

export interface DeliveryError {
  /** Short, for admins: the server's code and answer, never the message, its recipient or credentials. */
  message: string;
  /** The server could not be reached at all: the other messages would fail the same way. */
  unreachable: boolean;
}

/** Anything that looks like an email address becomes "<address>". */
function redact(text: string): string {
  return text.replace(/\S*@\S*/g, "<address>").replace(/\s+/g, " ").trim().slice(0, 160);
}

export function describeSmtpError(error: unknown): DeliveryError {
  if (!(error instanceof Error)) return { message: "unknown error", unreachable: false };
  const e = error as Error & { code?: unknown; responseCode?: unknown; command?: unknown; response?: unknown };
  const code = typeof e.code === "string" && /^[A-Z_]{2,20}$/.test(e.code) ? e.code : "ERROR";
  // nodemailer names the SMTP command ("RCPT TO", "AUTH PLAIN"), never its arguments.
  const command = typeof e.command === "string" && /^[A-Z]+( [A-Z-]+)?$/.test(e.command) ? ` (${e.command})` : "";
  const unreachable = CONNECTION_CODES.has(code);
  // The server's own answer ("550 5.1.1 …") says why; a connection error's message names host and port.
  const detail = typeof e.response === "string" ? e.response : unreachable ? e.message : typeof e.responseCode === "number" ? String(e.responseCode) : "";
  return { message: `${code}${command}${detail ? `: ${redact(detail)}` : ""}`, unreachable };
}
