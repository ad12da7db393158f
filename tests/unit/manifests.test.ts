import { describe, expect, it } from "vitest";
import { ManifestError, MAX_BULK_ITEMS, parseManifest, parsePurl } from "@/lib/domain/manifests";
import { runInLocale } from "@/lib/i18n/translate";
import { manifestProblemText } from "@/lib/services/bulk-check";

/** Why `read` refused the manifest, as an English reader is told (a ManifestError carries a message key and values). */
function problem(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof ManifestError) return runInLocale("en", () => manifestProblemText(error.problem));
    throw error;
  }
  throw new Error("the manifest was read");
}

describe("package.json", () => {
  it("lists every dependency section, marks development ones, normalises names", () => {
    const parsed = parseManifest(
      JSON.stringify({
        name: "app",
        dependencies: { react: "^19.0.0", "@Anthropic-AI/Claude-Code": "1.0.0" },
        devDependencies: { vitest: "^4.0.0", react: "^19.0.0" },
        optionalDependencies: { fsevents: "*" },
        peerDependencies: { "react-dom": ">=18" },
      }),
    );
    expect(parsed.format).toBe("package.json");
    expect(parsed.items).toEqual([
      { name: "react", type: "npm", version: "^19.0.0" },
      { name: "@anthropic-ai/claude-code", type: "npm", version: "1.0.0" },
      { name: "vitest", type: "npm", version: "^4.0.0", dev: true },
      { name: "fsevents", type: "npm", version: "*" },
      { name: "react-dom", type: "npm", version: ">=18" },
    ]);
  });

  it("refuses a section that is not an object and a name that is no package", () => {
    expect(problem(() => parseManifest(`{"dependencies": ["react"]}`))).toMatch(/dependencies must be an object/);
    expect(problem(() => parseManifest(`{"dependencies": {"not a name!": "1"}}`))).toMatch(/dependencies: "not a name!" is not an npm package name/);
  });
});

describe("package-lock.json", () => {
  it("reads the v2/v3 packages map, nested and scoped, skipping the root and links", () => {
    const parsed = parseManifest(
      JSON.stringify({
        name: "app",
        lockfileVersion: 3,
        packages: {
          "": { name: "app", dependencies: { a: "1" } },
          "node_modules/a": { version: "1.0.0" },
          "node_modules/a/node_modules/@scope/b": { version: "2.0.0", dev: true },
          "node_modules/ws-pkg": { link: true, resolved: "packages/ws-pkg" },
          "packages/ws-pkg": { version: "0.0.1" },
          "node_modules/alias": { name: "real-name", version: "3.0.0" },
        },
      }),
    );
    expect(parsed.format).toBe("package-lock.json");
    expect(parsed.items).toEqual([
      { name: "a", type: "npm", version: "1.0.0" },
      { name: "@scope/b", type: "npm", version: "2.0.0", dev: true },
      { name: "real-name", type: "npm", version: "3.0.0" },
    ]);
  });

  it("reads the v1 dependencies tree", () => {
    const parsed = parseManifest(
      JSON.stringify({
        lockfileVersion: 1,
        dependencies: { a: { version: "1.0.0", dependencies: { b: { version: "2.0.0", dev: true } } }, b: { version: "2.1.0" } },
      }),
    );
    expect(parsed.items).toEqual([
      { name: "a", type: "npm", version: "1.0.0" },
      { name: "b", type: "npm", version: "2.0.0" },
    ]);
  });

  it("refuses an unknown lockfile version", () => {
    expect(problem(() => parseManifest(`{"lockfileVersion": 9, "packages": {}}`))).toMatch(/lockfileVersion 9/);
  });
});

describe("requirements.txt", () => {
  it("reads names with specifiers and extras, ignoring comments, options and markers", () => {
    const text = [
      "# tools",
      "-r base.txt",
      "--index-url https://pypi.example/simple",
      "Django==5.0.1  # web",
      "requests[socks,security] >= 2.31, <3",
      "typing_extensions; python_version < \"3.11\"",
      "",
      "numpy==1.26.4 \\",
      "    --hash=sha256:abc",
      "pkg @ https://example.com/pkg-1.0.tar.gz",
      "Zope.Interface",
      "-e git+https://github.com/x/y#egg=y",
    ].join("\n");
    const parsed = parseManifest(text);
    expect(parsed.format).toBe("requirements.txt");
    expect(parsed.items).toEqual([
      { name: "django", type: "pypi", version: "5.0.1" },
      { name: "requests", type: "pypi", version: ">= 2.31, <3" },
      { name: "typing-extensions", type: "pypi" },
      { name: "numpy", type: "pypi", version: "1.26.4" },
      { name: "pkg", type: "pypi" },
      { name: "zope-interface", type: "pypi" },
    ]);
  });

  it("names the line it cannot read", () => {
    expect(problem(() => parseManifest("django\nflask\n\nrequests >>> 2\n"))).toMatch(/^line 4: ">>> 2" is not a version specifier/);
    expect(runInLocale("zh-CN", () => { try { parseManifest("!!!\n"); } catch (error) { return manifestProblemText((error as ManifestError).problem); } })).toBe("第 1 行：“!!!”不是有效的依赖声明（名称、可选的 [extras]、版本说明符）。");
    expect(problem(() => parseManifest("django\n./local/pkg\n"))).toMatch(/^line 2: a URL or path names no package/);
    expect(problem(() => parseManifest("!!!\n"))).toMatch(/^line 1: "!!!" is not a requirement/);
  });
});

describe("CycloneDX", () => {
  it("reads npm and PyPI purls, nested components, and keeps other components by name", () => {
    const parsed = parseManifest(
      JSON.stringify({
        bomFormat: "CycloneDX",
        specVersion: "1.5",
        metadata: { component: { name: "the-app", purl: "pkg:npm/the-app@1.0.0" } },
        components: [
          { type: "library", name: "claude-code", group: "@anthropic-ai", version: "1.2.3", purl: "pkg:npm/%40anthropic-ai/claude-code@1.2.3" },
          { type: "library", name: "Flask", purl: "pkg:pypi/Flask@3.0.0?extension=whl#sub" },
          {
            type: "application",
            name: "Suite",
            components: [{ type: "library", name: "lodash", purl: "pkg:npm/lodash@4.17.21" }],
          },
          { type: "library", name: "guava", group: "com.google.guava", version: "33", purl: "pkg:maven/com.google.guava/guava@33" },
        ],
      }),
    );
    expect(parsed.format).toBe("cyclonedx");
    expect(parsed.items).toEqual([
      { name: "@anthropic-ai/claude-code", type: "npm", version: "1.2.3" },
      { name: "flask", type: "pypi", version: "3.0.0" },
      { name: "Suite", type: "other" },
      { name: "lodash", type: "npm", version: "4.17.21" },
      { name: "guava", type: "other", version: "33" },
    ]);
  });

  it("refuses a bad purl and a component with nothing to name it", () => {
    expect(problem(() => parseManifest(`{"bomFormat":"CycloneDX","components":[{"purl":"npm/lodash"}]}`))).toMatch(/components\[0\]: "npm\/lodash" is not a package URL/);
    expect(problem(() => parseManifest(`{"bomFormat":"CycloneDX","components":[{"type":"library"}]}`))).toMatch(/components\[0\] has neither a purl nor a name/);
  });

  it("parses purls", () => {
    expect(parsePurl("pkg:npm/@scope/name@1.0.0")).toEqual({ type: "npm", name: "@scope/name", version: "1.0.0" });
    expect(parsePurl("pkg:npm/%40scope/name")).toEqual({ type: "npm", name: "@scope/name" });
    expect(parsePurl("pkg:pypi/django@5.0")).toEqual({ type: "pypi", name: "django", version: "5.0" });
  });
});

describe("detection and limits", () => {
  it("decides the format from content and refuses what it cannot read", () => {
    expect(problem(() => parseManifest(""))).toMatch("The file is empty.");
    expect(problem(() => parseManifest("{ not json"))).toMatch(/^Not JSON: /);
    expect(problem(() => parseManifest("[1, 2]"))).toMatch(/JSON that is not an object/);
    expect(problem(() => parseManifest(`{"hello": "world"}`))).toMatch(/neither a package.json, a package-lock.json nor a CycloneDX SBOM/);
    // A package.json saved under any name is still a package.json.
    expect(parseManifest(`\uFEFF{"devDependencies": {"a": "1"}}`).format).toBe("package.json");
  });

  it("dedupes and caps at 1,000 distinct packages", () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `pkg-${i}==1.0`).join("\n");
    expect(parseManifest(`${names(MAX_BULK_ITEMS)}\n${names(10)}`).items).toHaveLength(MAX_BULK_ITEMS);
    expect(problem(() => parseManifest(names(MAX_BULK_ITEMS + 1)))).toMatch(/lists 1001 packages; one check takes at most 1000/);
  });
});
