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

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
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
  if (content.trim().length === 0) throw new ManifestError("The file is empty.");
  if (content.includes("\u0000")) throw new ManifestError("The file is binary, not a text manifest.");
  const first = content.trimStart()[0];
  if (first === "{" || first === "[") {
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch (error) {
      throw new ManifestError(`Not JSON: ${(error as Error).message}.`);
    }
    return parseJsonManifest(json);
  }
  return finish("requirements.txt", parseRequirements(content));
}

function parseJsonManifest(json: unknown): ParsedManifest {
  if (!isObject(json)) throw new ManifestError("JSON that is not an object: expected a package.json, a package-lock.json or a CycloneDX SBOM.");
  if (json.bomFormat === "CycloneDX") return finish("cyclonedx", parseCycloneDx(json));
  if ("lockfileVersion" in json) return finish("package-lock.json", parsePackageLock(json));
  if (DEPENDENCY_SECTIONS.some((section) => section in json) || typeof json.name === "string") {
    return finish("package.json", parsePackageJson(json));
  }
  throw new ManifestError("JSON that is neither a package.json, a package-lock.json nor a CycloneDX SBOM (no dependencies, lockfileVersion or bomFormat).");
}

/** Dedupes (a package is one item, whatever its versions) and enforces the cap. */
function finish(format: ManifestFormat, items: ManifestItem[]): ParsedManifest {
  const unique = dedupeItems(items);
  if (unique.length > MAX_BULK_ITEMS) {
    throw new ManifestError(`The file lists ${unique.length} packages; one check takes at most ${MAX_BULK_ITEMS}. Split it.`);
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

function npmName(raw: string, where: string): string {
  const name = normaliseIdentifier("npm", raw);
  if (!name) throw new ManifestError(`${where}: "${truncate(raw)}" is not an npm package name.`);
  return name;
}

function pypiName(raw: string, where: string): string {
  const name = normaliseIdentifier("pypi", raw);
  if (!name) throw new ManifestError(`${where}: "${truncate(raw)}" is not a PyPI package name.`);
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
    if (!isObject(deps)) throw new ManifestError(`${section} must be an object of package names to versions.`);
    for (const [raw, version] of Object.entries(deps)) {
      if (typeof version !== "string") throw new ManifestError(`${section}: the version of "${truncate(raw)}" must be a string.`);
      items.push({ name: npmName(raw, section), type: "npm", version, ...(section === "devDependencies" ? { dev: true } : {}) });
    }
  }
  return items;
}

// ---- package-lock.json -----------------------------------------------------------------

function parsePackageLock(json: JsonObject): ManifestItem[] {
  const version = json.lockfileVersion;
  if (typeof version !== "number" || ![1, 2, 3].includes(version)) {
    throw new ManifestError(`lockfileVersion ${JSON.stringify(version)} is not one this reads (1, 2 or 3).`);
  }
  if (isObject(json.packages)) return lockPackages(json.packages);
  if (version >= 2) throw new ManifestError(`lockfileVersion ${version} without a "packages" object.`);
  if (json.dependencies === undefined) return [];
  if (!isObject(json.dependencies)) throw new ManifestError(`"dependencies" must be an object.`);
  return lockDependencies(json.dependencies, "dependencies");
}

/** v2/v3: `"node_modules/a/node_modules/@s/b": { version, dev }`; the root ("") and workspace folders are not packages. */
function lockPackages(packages: JsonObject): ManifestItem[] {
  const items: ManifestItem[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    const at = path.lastIndexOf("node_modules/");
    if (at === -1) continue;
    if (!isObject(entry)) throw new ManifestError(`packages["${truncate(path)}"] must be an object.`);
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
  if (depth > 100) throw new ManifestError(`${where}: nested too deeply.`);
  const items: ManifestItem[] = [];
  for (const [raw, entry] of Object.entries(deps)) {
    if (!isObject(entry)) throw new ManifestError(`${where}["${truncate(raw)}"] must be an object.`);
    items.push({
      name: npmName(raw, where),
      type: "npm",
      ...(typeof entry.version === "string" ? { version: entry.version } : {}),
      ...(entry.dev === true ? { dev: true } : {}),
    });
    if (entry.dependencies !== undefined) {
      if (!isObject(entry.dependencies)) throw new ManifestError(`${where}["${truncate(raw)}"].dependencies must be an object.`);
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
      throw new ManifestError(`line ${number}: a URL or path names no package; write it as "name @ ${truncate(requirement)}".`);
    }
    const match = NAME.exec(requirement);
    if (!match) throw new ManifestError(`line ${number}: "${truncate(requirement)}" is not a requirement (name, optional [extras], version specifiers).`);
    const [, rawName, , rest = ""] = match;
    let version: string | undefined;
    const spec = rest.trim().replace(/^\((.*)\)$/, "$1").trim();
    if (spec.startsWith("@")) {
      if (spec.slice(1).trim().length === 0) throw new ManifestError(`line ${number}: "@" without a URL.`);
    } else if (spec.length > 0) {
      const clauses = spec.split(",").map((clause) => clause.trim());
      for (const clause of clauses) {
        if (!SPECIFIER.test(clause)) throw new ManifestError(`line ${number}: "${truncate(clause)}" is not a version specifier.`);
      }
      version = clauses.length === 1 && /^===?/.test(clauses[0]!) ? clauses[0]!.replace(/^===?\s*/, "") : spec;
    }
    items.push({ name: pypiName(rawName!, `line ${number}`), type: "pypi", ...(version ? { version } : {}) });
  }
  return items;
}

// ---- CycloneDX -------------------------------------------------------------------------

function parseCycloneDx(json: JsonObject): ManifestItem[] {
  if (json.components === undefined) return [];
  if (!Array.isArray(json.components)) throw new ManifestError(`"components" must be an array.`);
  return cycloneDxComponents(json.components, "components");
}

function cycloneDxComponents(components: Json[], where: string, depth = 0): ManifestItem[] {
  if (depth > 50) throw new ManifestError(`${where}: nested too deeply.`);
  const items: ManifestItem[] = [];
  components.forEach((component, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(component)) throw new ManifestError(`${at} must be an object.`);
    const purl = typeof component.purl === "string" ? parsePurl(component.purl, at) : null;
    const version = typeof component.version === "string" && component.version ? component.version : purl?.version;
    if (purl && (purl.type === "npm" || purl.type === "pypi")) {
      const name = purl.type === "npm" ? npmName(purl.name, `${at}.purl`) : pypiName(purl.name, `${at}.purl`);
      items.push({ name, type: purl.type, ...(version ? { version } : {}) });
    } else if (typeof component.name === "string" && component.name.trim()) {
      const group = typeof component.group === "string" && component.group.trim() ? `${component.group.trim()}/` : "";
      items.push({ name: truncate(`${purl ? "" : group}${component.name.trim()}`), type: "other", ...(version ? { version } : {}) });
    } else {
      throw new ManifestError(`${at} has neither a purl nor a name.`);
    }
    if (component.components !== undefined) {
      if (!Array.isArray(component.components)) throw new ManifestError(`${at}.components must be an array.`);
      items.push(...cycloneDxComponents(component.components, `${at}.components`, depth + 1));
    }
  });
  return items;
}

/** `pkg:type/namespace/name@version?qualifiers#subpath` → its type, full name and version. */
export function parsePurl(purl: string, where = "purl"): { type: string; name: string; version?: string } {
  const refuse = () => new ManifestError(`${where}: "${truncate(purl)}" is not a package URL (pkg:type/name@version).`);
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
    throw new ManifestError(`${where}: "${truncate(purl)}" has a bad percent-encoding.`);
  }
}
