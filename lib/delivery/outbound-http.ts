import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { addressRefusal, AddressRefused, hostAllowed, literalAddress, type AddressPolicy } from "../domain/address-policy";
import { logSecurityEvent } from "../log";

/**
 * One outgoing POST (webhooks, chat posts) that connects only where the address policy allows.
 * The check is on the address actually connected to: the socket's own `lookup` resolves the
 * name, drops every address the policy refuses, and hands the connection only what is left, so
 * no second resolution can slip a local address in between the check and the connect (DNS
 * rebinding). A literal address is checked before any socket is opened. Redirects are never
 * followed, and a fresh connection is made every time (no pooled socket from another check).
 */

/** Resolves a host name to its addresses (the system resolver: hosts file, then DNS). Tests may pass their own. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export const systemResolver: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => (error ? reject(error) : resolve(addresses.map((a) => a.address))));
  });

export interface OutboundRequest {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Bytes of the answer's body to keep; the rest is never read. */
  readBytes: number;
  policy: AddressPolicy;
  resolve?: ResolveHost;
}

export interface OutboundAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The first `readBytes` of the body, as UTF-8. */
  bodyStart: string;
}

/** The whole exchange took longer than allowed. */
export class OutboundTimeout extends Error {
  constructor() {
    super("timed out");
    this.name = "TimeoutError";
  }
}

function policyLookup(policy: AddressPolicy, resolve: ResolveHost, nameAllowed: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => (a.includes(":") ? 6 : 4) === options.family) : addresses;
        const refusals = wanted.map((a) => (nameAllowed ? null : addressRefusal(a, policy)));
        const checked = wanted.filter((_, i) => refusals[i] === null);
        if (checked.length === 0) {
          callback(new AddressRefused(refusals.find(Boolean) ?? "no address"), "", 4);
          return;
        }
        const family = (a: string) => (a.includes(":") ? 6 : 4);
        if (options.all) callback(null, checked.map((address) => ({ address, family: family(address) })));
        else callback(null, checked[0]!, family(checked[0]!));
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}

/** POSTs `request` to `url`, connecting only to addresses the policy allows; a refusal is logged as a security event. */
export function postOutbound(url: URL, request: OutboundRequest): Promise<OutboundAnswer> {
  return sendChecked(url, request).catch((error: unknown) => {
    if (error instanceof AddressRefused) logSecurityEvent("address.refused", { host: url.hostname.slice(0, 253), range: error.range });
    throw error;
  });
}

function sendChecked(url: URL, request: OutboundRequest): Promise<OutboundAnswer> {
  const nameAllowed = hostAllowed(url.hostname, request.policy);
  const literal = literalAddress(url.hostname);
  if (literal && !nameAllowed) {
    const refusal = addressRefusal(literal.toString(), request.policy);
    if (refusal) return Promise.reject(new AddressRefused(refusal));
  }
  // Node connects to what it takes for an IP address without calling `lookup`: it must have been checked above.
  if (!literal && isIP(url.hostname.replace(/^\[(.*)\]$/, "$1")) !== 0) return Promise.reject(new AddressRefused("unrecognised address"));
  const transport = url.protocol === "https:" ? https : url.protocol === "http:" ? http : null;
  if (!transport) return Promise.reject(new Error("unsupported scheme"));

  return new Promise<OutboundAnswer>((resolve, reject) => {
    const req = transport.request(url, {
      method: "POST",
      headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
      lookup: policyLookup(request.policy, request.resolve ?? systemResolver, nameAllowed),
      agent: false,
    });
    const timer = setTimeout(() => req.destroy(new OutboundTimeout()), request.timeoutMs);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      settle();
    };
    req.on("error", (error) => finish(() => reject(error)));
    req.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const bodyStart = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks).subarray(0, request.readBytes));
        finish(() => resolve({ status: response.statusCode ?? 0, headers: response.headers, bodyStart }));
        response.destroy();
      };
      if (request.readBytes <= 0) return done();
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.byteLength;
        if (size >= request.readBytes) done();
      });
      response.on("end", done);
      // A body cut short still leaves its start for the log.
      response.on("error", done);
      response.on("aborted", done);
    });
    req.end(request.body);
  });
}
