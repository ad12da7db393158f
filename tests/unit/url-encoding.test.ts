import { describe, expect, it } from "vitest";
import { isDecodablePath, isPrintableAscii } from "@/lib/domain/url-encoding";

// Issue 10, finding 10: the proxy refuses what Next's own decoding of a path would fail on.
describe("isDecodablePath", () => {
  it.each(["/software/%FF", "/api/v1/software/%C3%28", "/requests/%ED%A0%80", "/vendors/%E0%A4%A", "/x/%", "/x/%G0"])("refuses %s", (path) => {
    expect(isDecodablePath(path)).toBe(false);
  });

  it.each(["/software/claude-code", "/software/caf%C3%A9", "/software/a%2Fb", "/software/%00", "/software/%25FF"])("accepts %s", (path) => {
    expect(isDecodablePath(path)).toBe(true);
  });
});

describe("isPrintableAscii", () => {
  it("accepts the addresses Vetted builds and refuses what a Location header cannot carry", () => {
    expect(isPrintableAscii("/software?q=claude%20code")).toBe(true);
    expect(isPrintableAscii("/\n")).toBe(false);
    expect(isPrintableAscii("/\t/evil.example")).toBe(false);
    expect(isPrintableAscii("/\ufffd")).toBe(false);
    expect(isPrintableAscii("/€")).toBe(false);
  });
});
