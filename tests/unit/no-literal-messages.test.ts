import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Messages a person reads that server code makes (refusals, field errors, confirmations) come
 * from the catalogues (`t("…")`, `tr("…")` for zod), never from string literals: this finds the
 * literals in the places such messages are written. JSX text is checked by the lint rule
 * i18next/no-literal-string (eslint.config.mjs).
 */

/** Messages for the operator starting the server (a missing or bad environment variable), in the server log: English, as the log is. */
const OPERATOR_MESSAGES = new Set<string>(["lib/config.ts"]);

const ROOT = path.resolve(import.meta.dirname, "../..");
const ERROR_CLASSES = /^(AppError|ValidationFailed|Unauthenticated|Forbidden|NotFound|Conflict|Unprocessable|ServiceUnavailable|TransferFileError|ManifestError|SignInRefused|ChatPostRefused|EncodingError|CsvSyntaxError)$/;
/** zod methods whose last argument is the message. */
const ZOD_MESSAGE_METHODS = /^(min|max|length|int|positive|nonnegative|negative|nonpositive|multipleOf|regex|refine|email|url|uuid|nonempty|startsWith|endsWith|includes|trim|gt|gte|lt|lte|iso|date|datetime)$/;

/** lib/validation/fields.ts: helpers whose label argument names the field in messages. */
const FIELD_HELPERS = /^(line|requiredLine|paragraph|slug|uuid|httpUrl|isoDate|jsonField|lines)$/;
const KEY = /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z0-9_]+)+$/;

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

function isProse(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return /\p{L}{2,}/u.test(node.text);
  return ts.isTemplateExpression(node);
}

/** Every literal message in a source file: where, and its first characters. */
function literalMessages(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file}:${line + 1} ${node.getText().slice(0, 60)}`);
  };
  const usesFieldHelpers = /from "(\.\/|\.\.\/validation\/)fields"/.test(source.text);
  const visit = (node: ts.Node) => {
    // new Conflict("…"), new ValidationFailed(`…`)
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ERROR_CLASSES.test(node.expression.text)) {
      const first = node.arguments?.[0];
      if (first && isProse(first)) report(first);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      // z.string().min(1, "…"), .refine(fn, "…"), .regex(re, { message: "…" })
      if (ts.isPropertyAccessExpression(callee) && ZOD_MESSAGE_METHODS.test(callee.name.text)) {
        for (const argument of node.arguments.slice(callee.name.text === "refine" ? 1 : 0)) if (isProse(argument) && node.arguments.indexOf(argument) > 0) report(argument);
      }
      // requiredLine("Name", 200): a field's label is a catalogue key ("validation.fields.name"), not words
      if (ts.isIdentifier(callee) && FIELD_HELPERS.test(callee.text) && usesFieldHelpers) {
        for (const argument of node.arguments) if (isProse(argument) && !(ts.isStringLiteral(argument) && KEY.test(argument.text))) report(argument);
      }
      // formAction(mutation, () => "Saved.")
      if (ts.isIdentifier(callee) && callee.text === "formAction") {
        const success = node.arguments[1];
        if (success && ts.isArrowFunction(success) && isProse(success.body)) report(success.body);
      }
    }
    // { message: "…" } and { error: "…" } given to zod
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && /^(message|error)$/.test(node.name.text) && isProse(node.initializer)) {
      const inZod = /\bz\.|zod/.test(source.text);
      if (inZod) report(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("server messages come from the catalogues", () => {
  const sources = files("lib").filter((file) => !file.startsWith(path.join("lib", "i18n")));

  it("no refusal, field error or confirmation in lib/ is a literal string", () => {
    const found = sources.filter((file) => !OPERATOR_MESSAGES.has(file)).flatMap(literalMessages);
    expect(found).toEqual([]);
  });

});
