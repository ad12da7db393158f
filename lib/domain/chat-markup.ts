/**
 * Chat posts carry text people typed (tool names, justifications, comments) into Slack or Teams,
 * where markup is live: `<!channel>` pings everyone, `<https://evil.example|Sign in>` and
 * `[Sign in](https://evil.example)` disguise a link. The text is escaped for the receiver's markup
 * so that it reads as typed and does nothing. Pure.
 */

/**
 * The markup a chat webhook renders, from its host: Slack's mrkdwn (hooks.slack.com), or the
 * Markdown and limited HTML of a Teams connector card (webhook.office.com, outlook.office.com,
 * Power Automate workflows). Any other Slack-compatible receiver (Mattermost, Rocket.Chat…) may
 * render either, so it gets both escapes.
 */
export type ChatMarkup = "slack" | "teams" | "both";

export function chatMarkupFor(url: string): ChatMarkup {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return "both";
  }
  const under = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  if (under("slack.com")) return "slack";
  if (under("webhook.office.com") || under("outlook.office.com") || under("outlook.office365.com") || under("logic.azure.com") || under("powerplatform.com")) {
    return "teams";
  }
  return "both";
}

/**
 * Slack: `&`, `<` and `>` are its control characters and are sent as HTML entities (Slack's
 * "Escaping text" rule); Slack shows them as typed, and no `<…>` link, mention or `<!channel>`
 * survives. Bold, italics and the like stay: they change the look, not what a click does.
 */
export function escapeSlackText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** ASCII punctuation that Markdown (the Teams connector card's text) gives a meaning to. */
const MARKDOWN_METACHARACTERS = /[\\`*_{}[\]()#+!|~]/g;

/**
 * Teams connector cards render Markdown and limited HTML: HTML's `&`, `<`, `>` become entities,
 * and every Markdown metacharacter gets a backslash (CommonMark's escape for ASCII
 * punctuation), so no link, image, heading or emphasis survives; a line that would start a list
 * or a quote gets its marker escaped too.
 */
export function escapeTeamsText(text: string): string {
  return escapeSlackText(text)
    .replace(MARKDOWN_METACHARACTERS, (c) => `\\${c}`)
    .replace(/^(\s*)(-|\d+\.)(?=\s)/gm, (_, space: string, marker: string) => `${space}${marker.replace(/^(\d+)\.$/, "$1\\.").replace(/^-$/, "\\-")}`);
}

export function escapeChatText(text: string, markup: ChatMarkup): string {
  return markup === "slack" ? escapeSlackText(text) : escapeTeamsText(text);
}

/**
 * The text posted to a chat webhook: the notice's line, escaped for the receiver's markup. The
 * app's own part (the link back to Vetted, a URL of letters, digits, `-`, `/`, `.` and `:`) needs no
 * escape and stays clickable.
 */
export function chatPostText(url: string, text: string): string {
  return escapeChatText(text, chatMarkupFor(url));
}
