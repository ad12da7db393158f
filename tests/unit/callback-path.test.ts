import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/domain/callback-path";

const BASE = "http://localhost:3000";

describe("safeCallbackPath", () => {
  it("keeps a path of this app, with its query and fragment", () => {
    expect(safeCallbackPath("/software/cursor")).toBe("/software/cursor");
    expect(safeCallbackPath("/software?q=claude%20code&page=2#top")).toBe("/software?q=claude%20code&page=2#top");
    expect(safeCallbackPath(["/requests", "//evil.example"])).toBe("/requests");
    expect(safeCallbackPath("/")).toBe("/");
  });

  it.each([
    ["tab", "/\t/evil.example/x"],
    ["newline", "/\n/evil.example/x"],
    ["carriage return", "/\r/evil.example/x"],
    ["CRLF mid-path", "/software\r\nSet-Cookie: x=1"],
    ["NUL", "/\u0000/evil.example"],
    ["backslash", "\\evil.example"],
    ["slash backslash", "/\\evil.example/x"],
    ["backslash later in the path", "/a\\..\\..\\evil.example"],
    ["protocol-relative", "//evil.example/x"],
    ["three slashes", "///evil.example/x"],
    ["dot segment to protocol-relative", "/.//evil.example/x"],
    ["encoded slashes", "/%2F%2Fevil.example/x"],
    ["encoded slashes, lower case", "/%2f/evil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["double-encoded slashes", "/%252F%252Fevil.example"],
    ["double-encoded backslash", "/%255Cevil.example"],
    ["mixed spellings", "/%5C/%2f\t/evil.example"],
    ["encoded leading slash", "%2F%2Fevil.example"],
    ["malformed encoding", "/%E0%A4%A"],
    ["absolute URL to another host", "https://evil.example/x"],
    ["another scheme", "javascript:alert(1)"],
    ["javascript with spaces", " javascript:alert(1)"],
    ["data URL", "data:text/html,<script>alert(1)</script>"],
    ["relative without a slash", "evil.example"],
    ["empty", ""],
    ["too long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_name, raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
    expect(safeCallbackPath(raw, BASE)).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath(42)).toBe("/");
    expect(safeCallbackPath([])).toBe("/");
  });

  it("with the app's own origin, takes an absolute URL of that origin as its path, and nothing else", () => {
    expect(safeCallbackPath(`${BASE}/software/cursor?x=1`, BASE)).toBe("/software/cursor?x=1");
    expect(safeCallbackPath("http://localhost:3000", BASE)).toBe("/");
    expect(safeCallbackPath("https://localhost:3000/software", BASE)).toBe("/");
    expect(safeCallbackPath("http://localhost:3001/software", BASE)).toBe("/");
    expect(safeCallbackPath("http://localhost:3000.evil.example/software", BASE)).toBe("/");
    expect(safeCallbackPath("http://localhost:3000//evil.example/x", BASE)).toBe("/");
    expect(safeCallbackPath("http://localhost:3000/\t/evil.example", BASE)).toBe("/");
    expect(safeCallbackPath("http://user@evil.example/", BASE)).toBe("/");
    // Without the origin, an absolute URL is never accepted.
    expect(safeCallbackPath(`${BASE}/software`)).toBe("/");
  });

  it("every answer is a same-origin path in a browser's reading too", () => {
    const hostile = ["/\t/evil.example", "/.//evil.example", "/%2F/evil", "/a/../..//evil.example", "/%2e%2e//evil.example"];
    for (const raw of hostile) {
      const path = safeCallbackPath(raw);
      expect(new URL(path, BASE).origin, `${JSON.stringify(raw)} → ${path}`).toBe(BASE);
    }
  });
});
