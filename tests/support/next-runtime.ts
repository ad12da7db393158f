import { AsyncLocalStorage } from "node:async_hooks";

// Next's server runtime provides AsyncLocalStorage as a global before any of its modules load;
// without it, cookies() and headers() cannot be given a request (tests/support/session.ts).
(globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;
