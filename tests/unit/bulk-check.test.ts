import { describe, expect, it } from "vitest";
import { atOrBeyond, bulkResultCsv, summariseVerdicts } from "@/lib/domain/bulk-check";
import { csvCell, toCsv } from "@/lib/domain/csv";

describe("bulk check summary", () => {
  it("counts every verdict and names the strictest", () => {
    const summary = summariseVerdicts(["allowed", "unknown", "prohibited", "unknown", "allowed_with_conditions"]);
    expect(summary.total).toBe(5);
    expect(summary.worst).toBe("prohibited");
    expect(summary.byVerdict).toEqual({
      allowed: 1, allowed_with_conditions: 1, allowed_by_exception: 0, exception_required: 0, prohibited: 1, under_review: 0, unknown: 2,
    });
    expect(summariseVerdicts([]).worst).toBeNull();
    expect(summariseVerdicts(["allowed", "exception_required", "under_review"]).worst).toBe("exception_required");
  });

  it("compares a verdict with a CI threshold", () => {
    expect(atOrBeyond("prohibited", "prohibited")).toBe(true);
    expect(atOrBeyond("exception_required", "prohibited")).toBe(false);
    expect(atOrBeyond("exception_required", "under_review")).toBe(true);
    expect(atOrBeyond("unknown", "exception_required")).toBe(false);
  });
});

describe("CSV", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [["1", "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("@scope/pkg")).toBe("'@scope/pkg");
  });

  it("writes one row per item with the verdict and the software", () => {
    const csv = bulkResultCsv([
      { query: "left-pad", type: "npm", version: "1.0.0", dataClass: "internal", verdict: "prohibited", software: { name: "Left Pad", vendor: null }, match: "identifier", conditions: [], reasons: ["Bad."], url: "http://x/software/left-pad" },
      { query: "mystery", dataClass: null, verdict: "unknown", software: null, match: null, conditions: [], reasons: ["Not in the catalogue."], url: null },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "query,type,version,data class,verdict,software,vendor,match,conditions,reasons,url",
      "left-pad,npm,1.0.0,internal,prohibited,Left Pad,,identifier,,Bad.,http://x/software/left-pad",
      "mystery,,,,unknown,,,,,Not in the catalogue.,",
      "",
    ]);
  });
});
