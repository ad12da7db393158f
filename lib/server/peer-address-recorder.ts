import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { FORWARDED_HEADERS, isTrustedProxy, PEER_ADDRESS_HEADER } from "./client-address";

/**
 * Records each request's socket peer in PEER_ADDRESS_HEADER and drops the forwarded headers
 * of peers that are not trusted proxies, before any of Next's code sees the request (see
 * lib/server/client-address.ts for why). Node publishes `http.server.request.start` for every
 * request of every HTTP server in the process, synchronously, before its "request" event; the
 * only HTTP server in this process is Next's.
 */
const CHANNEL = "http.server.request.start";

function onRequestStart(message: unknown): void {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  recordPeer(request, socket.remoteAddress);
}

/** Idempotent; returns the way to remove it again (tests). */
export function installPeerAddressRecorder(): () => void {
  subscribe(CHANNEL, onRequestStart);
  return () => unsubscribe(CHANNEL, onRequestStart);
}

export function recordPeer(request: IncomingMessage, peer: string | undefined): void {
  const headers = request.headers;
  delete headers[PEER_ADDRESS_HEADER];
  if (!isTrustedProxy(peer)) for (const name of FORWARDED_HEADERS) delete headers[name];
  if (peer) headers[PEER_ADDRESS_HEADER] = peer;
}
