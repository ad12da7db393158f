import { describe, expect, it } from "vitest";
import { chatMarkupFor, chatPostText, escapeSlackText, escapeTeamsText } from "@/lib/domain/chat-markup";

const ATTACK = "<!channel> <https://evil.example/login|Vetted: sign in again>";

describe("chat markup", () => {
  it("knows the receiver's markup by its host", () => {
    expect(chatMarkupFor("https://hooks.slack.com/services/T0/B0/x")).toBe("slack");
    expect(chatMarkupFor("https://contoso.webhook.office.com/webhookb2/x")).toBe("teams");
    expect(chatMarkupFor("https://outlook.office.com/webhook/x")).toBe("teams");
    expect(chatMarkupFor("https://prod-01.westeurope.logic.azure.com/workflows/x")).toBe("teams");
    expect(chatMarkupFor("https://chat.corp.example/hooks/x")).toBe("both");
    expect(chatMarkupFor("https://hooks.slack.com.evil.example/x")).toBe("both");
    expect(chatMarkupFor("not a url")).toBe("both");
  });

  it("Slack: &, < and > become entities, so no mention, link or <!channel> survives", () => {
    expect(escapeSlackText(ATTACK)).toBe("&lt;!channel&gt; &lt;https://evil.example/login|Vetted: sign in again&gt;");
    expect(escapeSlackText("<@U123> <#C123> <!subteam^S1> <!here>")).toBe("&lt;@U123&gt; &lt;#C123&gt; &lt;!subteam^S1&gt; &lt;!here&gt;");
    // Entities a user typed are shown as typed, not decoded into markup.
    expect(escapeSlackText("&lt;!channel&gt; R&D")).toBe("&amp;lt;!channel&amp;gt; R&amp;D");
    expect(escapeSlackText("Claude Code 1.2 (Team)")).toBe("Claude Code 1.2 (Team)");
  });

  it("Teams: HTML and Markdown metacharacters are escaped, so no link, image, heading or list survives", () => {
    expect(escapeTeamsText("[Vetted: sign in again](https://evil.example/login)")).toBe("\\[Vetted: sign in again\\]\\(https://evil.example/login\\)");
    expect(escapeTeamsText("![x](https://evil.example/p.png)")).toBe("\\!\\[x\\]\\(https://evil.example/p.png\\)");
    expect(escapeTeamsText('<a href="https://evil.example">Sign in</a>')).toBe('&lt;a href="https://evil.example"&gt;Sign in&lt;/a&gt;');
    expect(escapeTeamsText("**urgent** _now_ `code` ~~gone~~ # title")).toBe("\\*\\*urgent\\*\\* \\_now\\_ \\`code\\` \\~\\~gone\\~\\~ \\# title");
    expect(escapeTeamsText("fine\n- item\n1. first\n> quoted")).toBe("fine\n\\- item\n1\\. first\n&gt; quoted");
    expect(escapeTeamsText("a \\[b]")).toBe("a \\\\\\[b\\]");
    expect(escapeTeamsText(ATTACK)).toBe("&lt;\\!channel&gt; &lt;https://evil.example/login\\|Vetted: sign in again&gt;");
  });

  it("escapes the whole post for its receiver, and leaves the app's own link clickable", () => {
    const line = `Request 12: Ann asks to use ${ATTACK} https://vetted.example.com/requests/0b5c-41d2`;
    expect(chatPostText("https://hooks.slack.com/services/T/B/x", line)).toBe(
      "Request 12: Ann asks to use &lt;!channel&gt; &lt;https://evil.example/login|Vetted: sign in again&gt; https://vetted.example.com/requests/0b5c-41d2",
    );
    expect(chatPostText("https://chat.corp.example/hooks/x", line)).toContain(" https://vetted.example.com/requests/0b5c-41d2");
    expect(chatPostText("https://chat.corp.example/hooks/x", line)).not.toMatch(/<|\[/);
  });
});
