import { AsyncLocalStorage } from "node:async_hooks";

// Next's server sets this global before loading any of its modules; its request storage
// (what next/headers reads) is created from it on first use. Tests that run code in a request
// context must import this module before anything that loads Next.
(globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;
