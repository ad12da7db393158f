import "server-only";
import { config } from "../config";
import { addressPolicy } from "../domain/address-policy";
import { chatPostText } from "../domain/chat-markup";
import { describeNetworkError } from "../domain/webhooks";
import { postOutbound, type ResolveHost } from "./outbound-http";

const CHAT_TIMEOUT_MS = 10_000;

/**
 * Posts one message to a Slack- or Teams-compatible incoming webhook: both accept
 * {"text": "…"}. The text is escaped for the receiver's markup, and the post goes through the
 * same address policy as webhooks (checked on the address connected to). The URL carries the
 * webhook's secret, so it is never logged or stored with the message, and errors name only the
 * HTTP status or one uniform network failure.
 */
export async function postToChat(url: string, text: string, resolve?: ResolveHost): Promise<void> {
  const response = await postOutbound(new URL(url), {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: chatPostText(url, text) }),
    timeoutMs: CHAT_TIMEOUT_MS,
    readBytes: 0,
    policy: addressPolicy(config().webhooks),
    resolve,
  });
  if (response.status < 200 || response.status >= 300) throw new ChatPostRefused(response.status);
}

export class ChatPostRefused extends Error {
  constructor(readonly status: number) {
    super(`the webhook answered HTTP ${status}`);
    this.name = "ChatPostRefused";
  }
}

/** For the outbox: the HTTP status, or the same uniform messages as the webhook delivery log. */
export function describeChatError(error: unknown): { message: string; unreachable: boolean } {
  if (error instanceof ChatPostRefused) return { message: `HTTP ${error.status}`, unreachable: false };
  return { message: describeNetworkError(error, CHAT_TIMEOUT_MS), unreachable: true };
}
