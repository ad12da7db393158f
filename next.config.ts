import type { NextConfig } from "next";
import { FORM_POST_MAX_BYTES } from "./lib/domain/uploads";

/**
 * Content-Security-Policy. Next's inline bootstrap scripts need 'unsafe-inline' without nonces,
 * but the policy still refuses scripts, frames and objects from elsewhere, framing of Vetted,
 * <base> hijacking and form posts to other sites. Development also needs 'unsafe-eval'.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // PGlite ships wasm and must stay a plain Node dependency; pg, pg-boss and nodemailer likewise.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-boss", "nodemailer"],
  poweredByHeader: false,
  // forbidden() answers 403 on pages a role may not see.
  // Evidence uploads are refused above 10 MB by the mutation, with a clear message; this is
  // only the outer limit on what a server action will read at all. Past it Next's form reader
  // stops mid-form ("Unexpected end of form", a 500), so the proxy refuses a larger declared
  // body with 413 first (proxy.ts). Next also buffers a copy of each body for the proxy and
  // cuts that copy at proxyClientMaxBodySize (10 MB by default): the same limit, so the proxy
  // never holds a cut-off form.
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: FORM_POST_MAX_BYTES },
    proxyClientMaxBodySize: FORM_POST_MAX_BYTES,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Evidence downloads set their own, stricter policy (sandboxed, nothing allowed).
      { source: "/((?!api/evidence/).*)", headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
