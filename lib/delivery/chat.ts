import "server-only";

/**
 * Posts one message to a Slack- or Teams-compatible incoming webhook: both accept
 * {"text": "…"}. The URL carries the webhook's secret, so it is never logged or stored with the
 * message, and errors name only the HTTP status or the network failure.
 */
export async function postToChat(url: string, text: string): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
    redirect: "error",
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();
  if (!response.ok) throw new ChatPostRefused(response.status);
}

export class ChatPostRefused extends Error {
  constructor(readonly status: number) {
    super(`the webhook answered HTTP ${status}`);
    this.name = "ChatPostRefused";
  }
}

export function describeChatError(error: unknown): { message: string; unreachable: boolean } {
  if (error instanceof ChatPostRefused) return { message: `HTTP ${error.status}`, unreachable: false };
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return { message: "timed out", unreachable: true };
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" && /^[A-Z_]{2,30}$/.test(cause.code) ? cause.code : "network error";
  return { message: code, unreachable: true };
}
