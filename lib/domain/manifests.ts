import { normaliseIdentifier } from "./identifiers";

/**
 * Reads dependency manifests and SBOMs into the items a bulk check asks about. Pure: the
 * format is decided from the content, never from the file name, and anything that cannot be
 * read is refused with a message naming where and why (a silently skipped line could hide a
 * prohibited package from a CI check).
 */

export const MANIFEST_FORMATS = ["package.json", "package-lock.json", "requirements.txt", "cyclonedx"] as const;
export type ManifestFormat = (typeof MANIFEST_FORMATS)[number];

/** The most items one bulk check answers. */
export const MAX_BULK_ITEMS = 1000;

/**
 * How an item is looked up: `npm`/`pypi` by that identifier type only; `other` (an SBOM
 * component without an npm or PyPI purl) by exact identifier or name only.
 */
export type PackageType = "npm" | "pypi" | "other";

export interface ManifestItem {
  name: string;
  type: PackageType;
  version?: string;
  /** Only a development dependency (package.json devDependencies, lockfile `dev`). */
  dev?: boolean;
}

export interface ParsedManifest {
  format: ManifestFormat;
  items: ManifestItem[];
}

/**
 * Where in a manifest a problem is: a JSON path (`packages["node_modules/a"]`, `components[3]`,
 * machine words) or a line of a requirements file (worded where the message is shown).
 */
export type ManifestPlace = string | { line: number };

/** Why a manifest cannot be read, as a message key ("browse.manifest.<key>") and its values; worded where it is shown. */
export interface ManifestProblem {
  key:
    | "empty" | "binary" | "notJson" | "notObject" | "unknownJson" | "tooMany" | "notNpmName" | "notPypiName" | "notObjectOfVersions"
    | "versionNotString" | "lockfileVersion" | "noPackages" | "dependenciesNotObject" | "mustBeObject" | "nestedTooDeeply"
    | "urlOrPath" | "notRequirement" | "atWithoutUrl" | "notSpecifier" | "componentsNotArray" | "noPurlNorName" | "notPurl" | "badPercentEncoding";
  values?: Record<string, string | number | ManifestPlace>;
}

export class ManifestError extends Error {
  constructor(readonly problem: ManifestProblem) {
    super(problem.key);
    this.name = "ManifestError";
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a manifest, deciding its format from its content. Throws ManifestError. */
export function parseManifest(text: string): ParsedManifest {
  const content = text.replace(/^\uFEFF/, "");
  if (content.trim().length === 0) throw new ManifestError({ key: "empty" });
  if (content.includes("\u0000")) throw new ManifestError({ key: "binary" });
  const first = content.trimStart()[0];
  if (first === "{" || first === "[") {
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch (error) {
      throw new ManifestError({ key: "notJson", values: { detail: (error as Error).message } });
    }
    return parseJsonManifest(json);
  }
  return finish("requirements.txt", parseRequirements(content));
}

function parseJsonManifest(json: unknown): ParsedManifest {
  if (!isObject(json)) throw new ManifestError({ key: "notObject" });
  if (json.bomFormat === "CycloneDX") return finish("cyclonedx", parseCycloneDx(json));
  if ("lockfileVersion" in json) return finish("package-lock.json", parsePackageLock(json));
  if (DEPENDENCY_SECTIONS.some((section) => section in json) || typeof json.name === "string") {
    return finish("package.json", parsePackageJson(json));
  }
  throw new ManifestError({ key: "unknownJson" });
}

/** Dedupes (a package is one item, whatever its versions) and enforces the cap. */
function finish(format: ManifestFormat, items: ManifestItem[]): ParsedManifest {
  const unique = dedupeItems(items);
  if (unique.length > MAX_BULK_ITEMS) {
    throw new ManifestError({ key: "tooMany", values: { count: String(unique.length), max: String(MAX_BULK_ITEMS) } });
  }
  return { format, items: unique };
}

/** One item per type and name: the first version seen; a development dependency only if every occurrence is one. */
export function dedupeItems(items: ManifestItem[]): ManifestItem[] {
  const byKey = new Map<string, ManifestItem>();
  for (const item of items) {
    const key = `${item.type}:${item.type === "other" ? item.name.toLowerCase() : item.name}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...item });
    } else if (seen.dev && !item.dev) {
      delete seen.dev;
    }
  }
  return [...byKey.values()];
}

function npmName(raw: string, where: ManifestPlace): string {
  const name = normaliseIdentifier("npm", raw);
  if (!name) throw new ManifestError({ key: "notNpmName", values: { where, name: truncate(raw) } });
  return name;
}

function pypiName(raw: string, where: ManifestPlace): string {
  const name = normaliseIdentifier("pypi", raw);
  if (!name) throw new ManifestError({ key: "notPypiName", values: { where, name: truncate(raw) } });
  return name;
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}…` : value;
}

// ---- package.json ----------------------------------------------------------------------

const DEPENDENCY_SECTIONS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] as const;

function parsePackageJson(json: JsonObject): ManifestItem[] {
  const items: ManifestItem[] = [];
  for (const section of DEPENDENCY_SECTIONS) {
    const deps = json[section];
    if (deps === undefined) continue;
    if (!isObject(deps)) throw new ManifestError({ key: "notObjectOfVersions", values: { where: section } });
    for (const [raw, version] of Object.entries(deps)) {
      if (typeof version !== "string") throw new ManifestError({ key: "versionNotString", values: { where: section, name: truncate(raw) } });
      items.push({ name: npmName(raw, section), type: "npm", version, ...(section === "devDependencies" ? { dev: true } : {}) });
    }
  }
  return items;
}

// ---- package-lock.json -----------------------------------------------------------------

function parsePackageLock(json: JsonObject): ManifestItem[] {
  const version = json.lockfileVersion;
  if (typeof version !== "number" || ![1, 2, 3].includes(version)) {
    throw new ManifestError({ key: "lockfileVersion", values: { version: truncate(JSON.stringify(version) ?? "") } });
  }
  if (isObject(json.packages)) return lockPackages(json.packages);
  if (version >= 2) throw new ManifestError({ key: "noPackages", values: { version } });
  if (json.dependencies === undefined) return [];
  if (!isObject(json.dependencies)) throw new ManifestError({ key: "dependenciesNotObject" });
  return lockDependencies(json.dependencies, "dependencies");
}

/** v2/v3: `"node_modules/a/node_modules/@s/b": { version, dev }`; the root ("") and workspace folders are not packages. */
function lockPackages(packages: JsonObject): ManifestItem[] {
  const items: ManifestItem[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    const at = path.lastIndexOf("node_modules/");
    if (at === -1) continue;
    if (!isObject(entry)) throw new ManifestError({ key: "mustBeObject", values: { where: `packages["${truncate(path)}"]` } });
    if (entry.link === true) continue; // a symlink to a workspace folder, listed again under its own path
    const raw = typeof entry.name === "string" ? entry.name : path.slice(at + "node_modules/".length);
    items.push({
      name: npmName(raw, `packages["${truncate(path)}"]`),
      type: "npm",
      ...(typeof entry.version === "string" ? { version: entry.version } : {}),
      ...(entry.dev === true ? { dev: true } : {}),
    });
  }
  return items;
}

/** v1: a tree of `name: { version, dev, dependencies }`. */
function lockDependencies(deps: JsonObject, where: string, depth = 0): ManifestItem[] {
  if (depth > 100) throw new ManifestError({ key: "nestedTooDeeply", values: { where } });
  const items: ManifestItem[] = [];
  for (const [raw, entry] of Object.entries(deps)) {
    if (!isObject(entry)) throw new ManifestError({ key: "mustBeObject", values: { where: `${where}["${truncate(raw)}"]` } });
    items.push({
      name: npmName(raw, where),
      type: "npm",
      ...(typeof entry.version === "string" ? { version: entry.version } : {}),
      ...(entry.dev === true ? { dev: true } : {}),
    });
    if (entry.dependencies !== undefined) {
      if (!isObject(entry.dependencies)) throw new ManifestError({ key: "mustBeObject", values: { where: `${where}["${truncate(raw)}"].dependencies` } });
      items.push(...lockDependencies(entry.dependencies, `${where}["${truncate(raw)}"].dependencies`, depth + 1));
    }
  }
  return items;
}

// ---- requirements.txt ------------------------------------------------------------------

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;
const SPECIFIER = /^(~=|===|==|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+$/;

function parseRequirements(text: string): ManifestItem[] {
  const items: ManifestItem[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const number = index + 1;
    let line = lines[index]!;
    // A trailing backslash continues the requirement on the next line.
    while (/\\\s*$/.test(line) && index + 1 < lines.length) {
      line = line.replace(/\\\s*$/, " ") + lines[++index];
    }
    line = line.replace(/(^|\s)#.*$/, "").trim();
    if (line.length === 0) continue;
    // Options (-r other.txt, -c, -e, --index-url, --hash …) name no package here.
    if (line.startsWith("-")) continue;
    line = line.replace(/\s+--\S.*$/, ""); // per-requirement options: --hash=…, --config-settings …
    const requirement = line.split(";")[0]!.trim(); // environment markers
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(requirement) || /^[./~]/.test(requirement) || (!requirement.includes("@") && /\.(whl|tar\.gz|zip)$/i.test(requirement))) {
      throw new ManifestError({ key: "urlOrPath", values: { where: { line: number }, requirement: truncate(requirement) } });
    }
    const match = NAME.exec(requirement);
    if (!match) throw new ManifestError({ key: "notRequirement", values: { where: { line: number }, requirement: truncate(requirement) } });
    const [, rawName, , rest = ""] = match;
    let version: string | undefined;
    const spec = rest.trim().replace(/^\((.*)\)$/, "$1").trim();
    if (spec.startsWith("@")) {
      if (spec.slice(1).trim().length === 0) throw new ManifestError({ key: "atWithoutUrl", values: { where: { line: number } } });
    } else if (spec.length > 0) {
      const clauses = spec.split(",").map((clause) => clause.trim());
      for (const clause of clauses) {
        if (!SPECIFIER.test(clause)) throw new ManifestError({ key: "notSpecifier", values: { where: { line: number }, specifier: truncate(clause) } });
      }
      version = clauses.length === 1 && /^===?/.test(clauses[0]!) ? clauses[0]!.replace(/^===?\s*/, "") : spec;
    }
    items.push({ name: pypiName(rawName!, { line: number }), type: "pypi", ...(version ? { version } : {}) });
  }
  return items;
}

// ---- CycloneDX -------------------------------------------------------------------------

function parseCycloneDx(json: JsonObject): ManifestItem[] {
  if (json.components === undefined) return [];
  if (!Array.isArray(json.components)) throw new ManifestError({ key: "componentsNotArray", values: { where: "components" } });
  return cycloneDxComponents(json.components, "components");
}

function cycloneDxComponents(components: Json[], where: string, depth = 0): ManifestItem[] {
  if (depth > 50) throw new ManifestError({ key: "nestedTooDeeply", values: { where } });
  const items: ManifestItem[] = [];
  components.forEach((component, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(component)) throw new ManifestError({ key: "mustBeObject", values: { where: at } });
    const purl = typeof component.purl === "string" ? parsePurl(component.purl, at) : null;
    const version = typeof component.version === "string" && component.version ? component.version : purl?.version;
    if (purl && (purl.type === "npm" || purl.type === "pypi")) {
      const name = purl.type === "npm" ? npmName(purl.name, `${at}.purl`) : pypiName(purl.name, `${at}.purl`);
      items.push({ name, type: purl.type, ...(version ? { version } : {}) });
    } else if (typeof component.name === "string" && component.name.trim()) {
      const group = typeof component.group === "string" && component.group.trim() ? `${component.group.trim()}/` : "";
      items.push({ name: truncate(`${purl ? "" : group}${component.name.trim()}`), type: "other", ...(version ? { version } : {}) });
    } else {
      throw new ManifestError({ key: "noPurlNorName", values: { where: at } });
    }
    if (component.components !== undefined) {
      if (!Array.isArray(component.components)) throw new ManifestError({ key: "componentsNotArray", values: { where: `${at}.components` } });
      items.push(...cycloneDxComponents(component.components, `${at}.components`, depth + 1));
    }
  });
  return items;
}

/** `pkg:type/namespace/name@version?qualifiers#subpath` → its type, full name and version. */
export function parsePurl(purl: string, where = "purl"): { type: string; name: string; version?: string } {
  const refuse = () => new ManifestError({ key: "notPurl", values: { where, purl: truncate(purl) } });
  const body = /^pkg:\/*(.*)$/i.exec(purl.trim())?.[1]?.split("#")[0]?.split("?")[0];
  if (!body) throw refuse();
  const slash = body.indexOf("/");
  if (slash <= 0) throw refuse();
  const type = body.slice(0, slash).toLowerCase();
  let path = body.slice(slash + 1);
  let version: string | undefined;
  // The version follows the last "@" after the last "/"; a scope's "@" should be %40 but may be raw.
  const at = path.lastIndexOf("@");
  if (at > 0 && at > path.lastIndexOf("/")) {
    version = path.slice(at + 1);
    path = path.slice(0, at);
  }
  if (!/^[a-z][a-z0-9.+-]*$/.test(type) || path.length === 0) throw refuse();
  try {
    const name = path.split("/").map(decodeURIComponent).join("/");
    const decodedVersion = version ? decodeURIComponent(version) : undefined;
    return { type, name, ...(decodedVersion ? { version: decodedVersion } : {}) };
  } catch {
    throw new ManifestError({ key: "badPercentEncoding", values: { where, purl: truncate(purl) } });
  }
}
