import { IDENTIFIER_TYPES, type IdentifierType } from "./vocabulary";

/**
 * Normalises an identifier so that the same thing written two ways is stored,
 * and found, once. Returns null when the value is not a valid identifier of that type.
 */
export function normaliseIdentifier(type: IdentifierType, raw: string): string | null {
  const value = raw.normalize("NFKC").trim();
  if (value.length === 0 || value.length > 300) return null;
  switch (type) {
    case "alias":
      return value.toLowerCase().replace(/\s+/g, " ");
    case "domain":
      return normaliseDomain(value);
    case "npm":
      return /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(value.toLowerCase())
        ? value.toLowerCase()
        : null;
    case "pypi": {
      // PEP 503: runs of -, _ and . are equivalent and names are case-insensitive.
      const name = value.toLowerCase().replace(/[-_.]+/g, "-");
      return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) ? name : null;
    }
    case "vscode_extension": {
      const id = value.toLowerCase();
      return /^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/.test(id) ? id : null;
    }
    case "browser_extension": {
      const id = value.toLowerCase();
      // Chrome ids are 32 letters a-p; Firefox ids are an email-like or {uuid} string.
      return /^[a-p]{32}$/.test(id) || /^(\{[0-9a-f-]{36}\}|[a-z0-9._-]+@[a-z0-9.-]+)$/.test(id) ? id : null;
    }
    case "bundle_id": {
      const id = value.toLowerCase();
      return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(id) ? id : null;
    }
    case "signing_team_id": {
      const id = value.toUpperCase();
      return /^[A-Z0-9]{10}$/.test(id) ? id : null;
    }
    case "signing_id": {
      // Santa's SIGNINGID: "TEAMID:signing-id", or "platform:signing-id" for Apple's own
      // binaries. The signing id is case-sensitive, so only the team id is upper-cased.
      const match = /^([A-Za-z0-9]{10}|platform):([A-Za-z0-9][A-Za-z0-9._-]*)$/i.exec(value);
      if (!match) return null;
      const team = match[1]!.toLowerCase() === "platform" ? "platform" : match[1]!.toUpperCase();
      return `${team}:${match[2]}`;
    }
    case "sha256": {
      const hash = value.toLowerCase();
      return /^[0-9a-f]{64}$/.test(hash) ? hash : null;
    }
  }
}

function normaliseDomain(value: string): string | null {
  let host = value.toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  host = host.split(/[/?#]/)[0] ?? "";
  host = host.replace(/:\d+$/, "").replace(/\.$/, "");
  if (host.startsWith("www.")) host = host.slice(4);
  if (!/^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/.test(host)) return null;
  return host;
}

/**
 * Every normalised form a free-text query could take as an identifier, for
 * exact lookups ("cursor.com", "@anthropic-ai/claude-code", "https://www.cursor.com/x").
 */
export function identifierCandidates(query: string): string[] {
  const candidates = new Set<string>();
  for (const type of IDENTIFIER_TYPES) {
    const normalised = normaliseIdentifier(type, query);
    if (normalised) candidates.add(normalised);
  }
  return [...candidates];
}
