import { describe, expect, it } from "vitest";
import { safeFileName, sniffContentType } from "@/lib/domain/evidence";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("sniffContentType", () => {
  it.each([
    [bytes("%PDF-1.7\n..."), "application/pdf"],
    [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "image/png"],
    [bytes([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg"],
    [bytes("GIF89a..."), "image/gif"],
    [bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "), "image/webp"],
    [bytes("SOC 2 bridge letter, valid until 2027-03-31.\nSigned."), "text/plain"],
    [bytes("Zertifikat gültig bis 2027 — ✓"), "text/plain"],
  ])("recognises %#", (input, type) => {
    expect(sniffContentType(input)).toBe(type);
  });

  it.each([
    ["HTML named .pdf", bytes("<!DOCTYPE html><html><script>alert(1)</script>")],
    ["SVG", bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ["HTML fragment", bytes("Report\n<script>fetch('/api')</script>")],
    ["binary", bytes([0x4d, 0x5a, 0x90, 0x00, 0x03])],
    ["invalid UTF-8", bytes([0xc3, 0x28])],
    ["empty", bytes()],
  ])("refuses %s", (_label, input) => {
    expect(sniffContentType(input)).toBeNull();
  });
});

describe("safeFileName", () => {
  it("strips paths and control characters and uses the sniffed type's extension", () => {
    expect(safeFileName("../../etc/report.html", "application/pdf")).toBe("report.pdf");
    expect(safeFileName('C:\\Users\\x\\"soc2"\u0000.PDF', "application/pdf")).toBe("soc2.pdf");
    expect(safeFileName("", "text/plain")).toBe("evidence.txt");
    expect(safeFileName("....hidden", "image/png")).toBe("hidden.png");
  });
});
