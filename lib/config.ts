import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { allowedCidrProblem, allowedHostProblem, splitList } from "./domain/address-policy";
import { parseAddressRanges, type AddressRange } from "./domain/client-address";
import { ROLES, type Role } from "./domain/vocabulary";

/**
 * The only reader of process.env. Validated once, on first use, with messages that name
 * the variable; the result is frozen and shared.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    VETTED_URL: z.url({ message: "VETTED_URL must be the public base URL, e.g. https://vetted.example.com" }).optional(),
    DATABASE_URL: optionalString.pipe(
      z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://").optional(),
    ),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    /** How long a request waits for a free pooled connection (or a new one to connect) before it is shed with 503. */
    DB_ACQUIRE_TIMEOUT_MS: z.coerce.number({ message: "DB_ACQUIRE_TIMEOUT_MS must be a number of milliseconds" }).int().min(100).max(60_000).default(2_000),
    VETTED_DATA_DIR: optionalString,
    /** Keep evidence files in this directory instead of PostgreSQL. */
    EVIDENCE_DIR: optionalString,
    /** Tests only: a JSON file {"offsetMs": n} that moves the app's clock. */
    VETTED_CLOCK_FILE: optionalString,
    AUTH_SECRET: optionalString.pipe(z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
    OIDC_ISSUER: optionalString.pipe(z.url({ message: "OIDC_ISSUER must be the issuer URL" }).optional()),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_DISPLAY_NAME: z.string().trim().min(1).default("single sign-on"),
    OIDC_GROUPS_CLAIM: z.string().trim().min(1).default("groups"),
    /** e.g. "admin=vetted-admins,reviewer=security-team|appsec" */
    OIDC_ROLE_GROUPS: z.string().trim().default(""),
    VETTED_LOCAL_PASSWORDS: z.enum(["true", "false"]).default("true"),
    /** "off": this instance runs no scheduled or background jobs (e.g. a web-only instance). */
    /** Requests per minute per API token. */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number({ message: "API_RATE_LIMIT_PER_MINUTE must be a number" }).int().min(1).max(1_000_000).default(600),
    /** Lowest level written to the structured log (JSON lines on stdout). */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' }).default("info"),
    /** Proxies whose X-Forwarded-* headers count: comma-separated IPs or CIDRs, e.g. "10.0.0.0/8, 192.168.1.7". */
    TRUSTED_PROXIES: z.string().trim().default(""),
    /** Failed sign-ins per client address within 15 minutes before that address is refused (429). */
    SIGN_IN_FAILURES_PER_ADDRESS: z.coerce
      .number({ message: "SIGN_IN_FAILURES_PER_ADDRESS must be a number" })
      .int()
      .min(1, "SIGN_IN_FAILURES_PER_ADDRESS must be at least 1")
      .max(100_000)
      .default(20),
    VETTED_JOBS: z.enum(["on", "off"], { message: 'VETTED_JOBS must be "on" or "off"' }).default("on"),
    /** "true": webhook endpoints may be plain http:// (tests, receivers on a trusted network). */
    WEBHOOK_ALLOW_HTTP: z.enum(["true", "false"], { message: 'WEBHOOK_ALLOW_HTTP must be "true" or "false"' }).default("false"),
    /**
     * Internal receivers for webhooks and the chat webhook, which the address policy otherwise
     * refuses (loopback, private, link-local…): host names ("hooks.corp.example", "*.corp.example")
     * and CIDR blocks ("10.20.0.0/16"), comma-separated.
     */
    WEBHOOK_ALLOWED_HOSTS: z.string().trim().default(""),
    WEBHOOK_ALLOWED_CIDRS: z.string().trim().default(""),
    /** Encrypts webhook signing secrets at rest; default: a key derived from AUTH_SECRET. Never quoted in messages. */
    /**
     * "false": deliveries carry only the Standard Webhooks signature, not the older Vetted-Signature
     * (sent until the transition period ends; README, "Verifying webhooks").
     */
    WEBHOOK_LEGACY_SIGNATURE: z.enum(["true", "false"], { message: 'WEBHOOK_LEGACY_SIGNATURE must be "true" or "false"' }).default("true"),
    WEBHOOK_ENCRYPTION_KEY: optionalString.pipe(z.string().min(32, "WEBHOOK_ENCRYPTION_KEY must be at least 32 characters (openssl rand -base64 48)").optional()),
    // The messages below never quote the value: it may hold a password.
    SMTP_URL: optionalString.pipe(
      z.string().regex(/^smtps?:\/\/[^/?#]+/, "SMTP_URL must look like smtp://user:password@mail.example.com:587 (or smtps:// for TLS from the start)").optional(),
    ),
    SMTP_HOST: optionalString,
    SMTP_PORT: optionalString.pipe(z.coerce.number<string | undefined>({ message: "SMTP_PORT must be a port number" }).int().min(1).max(65535).optional()),
    SMTP_USER: optionalString,
    SMTP_PASSWORD: optionalString,
    SMTP_SECURE: z.enum(["true", "false"], { message: 'SMTP_SECURE must be "true" (TLS from the start, usually port 465) or "false"' }).optional(),
    MAIL_FROM: optionalString.pipe(
      z.string().max(320).regex(/^[^\r\n]*@[^\r\n]+$/, 'MAIL_FROM must be an address, e.g. "Vetted <vetted@example.com>"').optional(),
    ),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together",
      });
    }
    try {
      parseAddressRanges(env.TRUSTED_PROXIES);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["TRUSTED_PROXIES"], message: `${(error as Error).message}; use comma-separated IPs or CIDRs, e.g. "10.0.0.0/8, 192.168.1.7"` });
    }
    if (env.SMTP_URL && env.SMTP_HOST) {
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "set either SMTP_URL or SMTP_HOST (with SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_SECURE), not both" });
    }
    if (!env.SMTP_HOST && (env.SMTP_PORT || env.SMTP_USER || env.SMTP_PASSWORD || env.SMTP_SECURE)) {
      ctx.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "SMTP_PORT, SMTP_USER, SMTP_PASSWORD and SMTP_SECURE need SMTP_HOST" });
    }
    if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: ["SMTP_USER"], message: "SMTP_USER and SMTP_PASSWORD must be set together" });
    }
    for (const entry of splitList(env.WEBHOOK_ALLOWED_HOSTS)) {
      const problem = allowedHostProblem(entry);
      if (problem) ctx.addIssue({ code: "custom", path: ["WEBHOOK_ALLOWED_HOSTS"], message: problem });
    }
    for (const entry of splitList(env.WEBHOOK_ALLOWED_CIDRS)) {
      const problem = allowedCidrProblem(entry);
      if (problem) ctx.addIssue({ code: "custom", path: ["WEBHOOK_ALLOWED_CIDRS"], message: problem });
    }
    if (env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "AUTH_SECRET is required when DATABASE_URL is set (generate one with `openssl rand -base64 48`)",
      });
    }
  });

export interface Config {
  nodeEnv: "development" | "production" | "test";
  baseUrl: string;
  database: { kind: "postgres"; url: string; poolMax: number; statementTimeoutMs: number; acquireTimeoutMs: number } | { kind: "embedded"; dataDir: string };
  dataDir: string;
  /** Absolute; null: evidence files are kept in the database. */
  evidenceDir: string | null;
  clockFile: string | null;
  apiRateLimitPerMinute: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Only these peers' X-Forwarded-For, -Host and -Proto count (lib/server/client-address.ts). */
  trustedProxies: readonly AddressRange[];
  signInFailuresPerAddress: number;
  authSecret: string;
  oidc: { issuer: string; clientId: string; clientSecret: string; displayName: string; groupsClaim: string; roleGroups: Map<string, Role> } | null;
  /** OIDC_ROLE_GROUPS: identity-provider group → role, for the SSO groups claim and SCIM groups alike (set with or without OIDC). */
  roleGroups: ReadonlyMap<string, Role>;
  localPasswords: boolean;
  /** Run scheduled and background jobs in this process. */
  jobs: boolean;
  /** null: no SMTP server; email is held in the outbox for admins to read. */
  smtp: SmtpConfig | null;
  mailFrom: string;
  webhooks: {
    /** Plain http:// endpoints are accepted (otherwise https only). */
    allowHttp: boolean;
    /** Internal receivers the address policy lets through (WEBHOOK_ALLOWED_HOSTS, WEBHOOK_ALLOWED_CIDRS); the chat webhook too. */
    allowedHosts: readonly string[];
    allowedCidrs: readonly string[];
    /** Deliveries also carry Vetted-Signature (WEBHOOK_LEGACY_SIGNATURE, default true during the transition). */
    legacySignature: boolean;
    /** Key material for the signing secrets' encryption: WEBHOOK_ENCRYPTION_KEY, else AUTH_SECRET. */
    encryptionKey: { source: "WEBHOOK_ENCRYPTION_KEY" | "AUTH_SECRET"; material: string };
  };
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (smtps, usually 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth: { user: string; pass: string } | null;
}

export class ConfigError extends Error {}

function parseRoleGroups(spec: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const entry of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [role, groups] = entry.split("=", 2).map((s) => s.trim());
    if (!role || !groups || !(ROLES as readonly string[]).includes(role)) {
      throw new ConfigError(`OIDC_ROLE_GROUPS: "${entry}" must look like role=group1|group2 with role one of ${ROLES.join(", ")}`);
    }
    for (const group of groups.split("|").map((g) => g.trim()).filter(Boolean)) map.set(group, role as Role);
  }
  return map;
}

/** The embedded demo needs no hand-set secret: make one on first start and keep it beside the data. */
function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  // Owner-only, like everything in it (lib/storage/private-files.ts tightens a folder made before).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}

function smtpConfig(e: z.output<typeof EnvSchema>): SmtpConfig | null {
  if (e.SMTP_URL) {
    let url: URL;
    try {
      url = new URL(e.SMTP_URL);
    } catch {
      throw new ConfigError("Invalid configuration:\n  SMTP_URL: not a valid URL (percent-encode special characters in the user name and password)");
    }
    const secure = url.protocol === "smtps:";
    const user = decodeURIComponent(url.username);
    return {
      host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      auth: user ? { user, pass: decodeURIComponent(url.password) } : null,
    };
  }
  if (!e.SMTP_HOST) return null;
  const secure = e.SMTP_SECURE === "true";
  return {
    host: e.SMTP_HOST,
    port: e.SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    auth: e.SMTP_USER && e.SMTP_PASSWORD ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD } : null,
  };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const roleGroups = parseRoleGroups(e.OIDC_ROLE_GROUPS);
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.VETTED_DATA_DIR ?? "data");
  const baseUrl = (e.VETTED_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  const authSecret = e.AUTH_SECRET ?? embeddedSecret(dataDir);
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    baseUrl,
    database: e.DATABASE_URL
      ? { kind: "postgres" as const, url: e.DATABASE_URL, poolMax: e.DB_POOL_MAX, statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS, acquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS }
      : { kind: "embedded" as const, dataDir: path.join(dataDir, "pglite") },
    dataDir,
    evidenceDir: e.EVIDENCE_DIR ? path.resolve(/*turbopackIgnore: true*/ e.EVIDENCE_DIR) : null,
    clockFile: e.VETTED_CLOCK_FILE ?? null,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    trustedProxies: Object.freeze(parseAddressRanges(e.TRUSTED_PROXIES)),
    signInFailuresPerAddress: e.SIGN_IN_FAILURES_PER_ADDRESS,
    authSecret,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            displayName: e.OIDC_DISPLAY_NAME,
            groupsClaim: e.OIDC_GROUPS_CLAIM,
            roleGroups,
          }
        : null,
    roleGroups,
    localPasswords: e.VETTED_LOCAL_PASSWORDS === "true",
    jobs: e.VETTED_JOBS === "on",
    smtp: smtpConfig(e),
    mailFrom: e.MAIL_FROM ?? `Vetted <vetted@${new URL(baseUrl).hostname}>`,
    webhooks: {
      allowHttp: e.WEBHOOK_ALLOW_HTTP === "true",
      allowedHosts: splitList(e.WEBHOOK_ALLOWED_HOSTS),
      allowedCidrs: splitList(e.WEBHOOK_ALLOWED_CIDRS),
      legacySignature: e.WEBHOOK_LEGACY_SIGNATURE === "true",
      encryptionKey: e.WEBHOOK_ENCRYPTION_KEY
        ? { source: "WEBHOOK_ENCRYPTION_KEY" as const, material: e.WEBHOOK_ENCRYPTION_KEY }
        : { source: "AUTH_SECRET" as const, material: authSecret },
    },
  });
}

const globalForConfig = globalThis as unknown as { vettedConfig?: Config };

export function config(): Config {
  if (!globalForConfig.vettedConfig) {
    const loaded = loadConfig();
    // next-auth v4 reads its own origin from NEXTAUTH_URL; derive it from ours so PORT is honoured.
    process.env.NEXTAUTH_URL ??= loaded.baseUrl;
    globalForConfig.vettedConfig = loaded;
  }
  return globalForConfig.vettedConfig;
}
