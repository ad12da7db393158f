import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
      // next-intl's server functions refuse to run outside React Server Components; tests call pages as functions.
      "next-intl/server": path.resolve(import.meta.dirname, "tests/support/next-intl-server.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/next-runtime.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files share one fresh database; run files one after another.
    fileParallelism: false,
  },
});
