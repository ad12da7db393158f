import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { FORM_POST_MAX_BYTES } from "./lib/domain/uploads";

/** The Content-Security-Policy is set per response, with a nonce, by proxy.ts (lib/server/content-security-policy.ts). */
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
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

/** next-intl reads the language and messages of each request from i18n/request.ts. */
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
