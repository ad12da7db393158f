/** oidc-provider ships no type declarations: just what e2e/support/oidc-server.ts uses. */
declare module "oidc-provider" {
  import type { Server } from "node:http";

  export type AccountClaims = { sub: string } & Record<string, unknown>;

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<AccountClaims> | AccountClaims;
  }

  export interface Configuration {
    clients?: Record<string, unknown>[];
    conformIdTokenClaims?: boolean;
    claims?: Record<string, string[]>;
    features?: Record<string, { enabled: boolean } & Record<string, unknown>>;
    cookies?: { keys?: string[] } & Record<string, unknown>;
    findAccount?: (ctx: unknown, sub: string, token?: unknown) => Promise<Account | undefined> | Account | undefined;
    [option: string]: unknown;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    listen(port: number, host: string, callback?: () => void): Server;
  }
}
