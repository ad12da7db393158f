import type { NextConfig } from "next";

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
  // only the outer limit on what a server action will read at all.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
