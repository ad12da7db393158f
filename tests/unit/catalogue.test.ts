import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/domain/locale";
import { CATALOGUES } from "@/lib/i18n/catalogue";
import { FORMATS } from "@/lib/i18n/formats";

/** Every message of a catalogue, by its full key ("common.nav.search"). */
function flatten(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The top-level ICU arguments a message takes ({name}, {count, plural, …}); a language may not drop or invent one. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === "'") {
      // As ICU reads it: '' is an apostrophe, and only an apostrophe before a syntax character
      // ({, }, #, |) starts quoted literal text ("the software's row (line {line})" quotes nothing).
      if (message[i + 1] === "'") i++;
      else if (/[{}#|]/.test(message[i + 1] ?? "")) {
        const close = message.indexOf("'", i + 1);
        if (close > i + 1) i = close;
      }
      continue;
    }
    if (c === "{") {
      if (depth === 0) {
        const match = /^\{\s*([A-Za-z0-9_]+)\s*[,}]/.exec(message.slice(i));
        if (match) names.add(match[1]!);
      }
      depth++;
    } else if (c === "}") depth--;
  }
  return [...names].sort();
}

const reference = flatten(CATALOGUES.en);

describe("the message catalogues", () => {
  it("has messages", () => {
    expect(reference.size).toBeGreaterThan(50);
  });

  for (const locale of LOCALES) {
    const messages = flatten(CATALOGUES[locale]);

    it(`${locale} has every English key and no other`, () => {
      expect([...reference.keys()].filter((key) => !messages.has(key))).toEqual([]);
      expect([...messages.keys()].filter((key) => !reference.has(key))).toEqual([]);
    });

    it(`${locale} messages take the same arguments as the English ones`, () => {
      const differing = [...reference].filter(([key, english]) => messages.has(key) && argumentsOf(english).join() !== argumentsOf(messages.get(key)!).join());
      expect(differing.map(([key]) => `${key}: ${argumentsOf(reference.get(key)!).join()} ≠ ${argumentsOf(messages.get(key)!).join()}`)).toEqual([]);
    });

    it(`${locale} messages are valid ICU messages and none is empty`, () => {
      const errors: string[] = [];
      const translate = createTranslator({
        locale,
        messages: CATALOGUES[locale],
        formats: FORMATS,
        timeZone: "UTC",
        onError: (error) => errors.push(error.message),
      });
      for (const [key, message] of messages) {
        if (!message.trim()) errors.push(`${key} is empty`);
        const values: Record<string, unknown> = Object.fromEntries(argumentsOf(message).map((name) => [name, /count|number|min|max|days|seconds|megabytes|divisor/i.test(name) ? 2 : "x"]));
        // Rich text (<link>…</link>, for t.rich) takes a function per tag.
        for (const [, tag] of message.matchAll(/<([A-Za-z][A-Za-z0-9_]*)>/g)) values[tag!] = (chunks: unknown) => chunks;
        (translate as unknown as (key: string, values: Record<string, unknown>) => string)(key, values);
      }
      expect(errors).toEqual([]);
    });
  }

  it("the Chinese catalogue is Chinese: most messages hold Han characters", () => {
    const chinese = flatten(CATALOGUES["zh-CN"]);
    const han = [...chinese.values()].filter((m) => /\p{Script=Han}/u.test(m)).length;
    expect(han / chinese.size).toBeGreaterThan(0.8);
  });
});
