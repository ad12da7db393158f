/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload is CommonJS */
// For scripts that run server code outside Next (benchmarks): `server-only` resolves to an empty
// module, as the tests alias it (vitest.config.ts). Run without the react-server condition, so
// that modules reaching next/navigation (the guarded door, through the session) load.
const Module = require("node:module");
const path = require("node:path");

const empty = path.join(__dirname, "..", "tests", "support", "empty.ts");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === "server-only" ? empty : request, ...rest);
};
