import { describe, expect, it } from "vitest";
import { chooseLocale, negotiateLocale } from "@/lib/domain/locale";

describe("choosing the interface's language", () => {
  it("reads Accept-Language by quality, then order", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("en-GB,en;q=0.9")).toBe("en");
    expect(negotiateLocale("fr-FR;q=0.9,zh;q=0.5,en;q=0.4")).toBe("zh-CN");
    expect(negotiateLocale("en;q=0.2, zh-Hans-CN;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("zh-TW")).toBe("zh-CN");
  });

  it("skips what it does not have, *, and q=0; nothing matching is no answer", () => {
    expect(negotiateLocale("fr, de;q=0.5")).toBeNull();
    expect(negotiateLocale("*")).toBeNull();
    expect(negotiateLocale("zh;q=0, en;q=0.1")).toBe("en");
    expect(negotiateLocale("")).toBeNull();
    expect(negotiateLocale(null)).toBeNull();
    expect(negotiateLocale(";;;,,,q=abc")).toBeNull();
    expect(negotiateLocale("x".repeat(5000))).toBeNull();
  });

  it("the person's own setting first, then the signed-out choice, then the browser, then the company", () => {
    expect(chooseLocale({ own: "en", cookie: "zh-CN", acceptLanguage: "zh-CN", companyDefault: "zh-CN" })).toBe("en");
    expect(chooseLocale({ own: null, cookie: "zh-CN", acceptLanguage: "en", companyDefault: "en" })).toBe("zh-CN");
    expect(chooseLocale({ own: null, acceptLanguage: "zh-CN,en;q=0.5", companyDefault: "en" })).toBe("zh-CN");
    expect(chooseLocale({ own: null, acceptLanguage: "fr", companyDefault: "zh-CN" })).toBe("zh-CN");
    expect(chooseLocale({})).toBe("en");
    // A stored value that is no language of ours is ignored, never trusted.
    expect(chooseLocale({ own: "klingon", cookie: "<script>", acceptLanguage: null, companyDefault: "xx" })).toBe("en");
  });
});
