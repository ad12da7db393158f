import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";
import i18next from "eslint-plugin-i18next";

/**
 * The layers, checked by a machine (README, "How the code is organised"). Lower layers never
 * import higher ones:
 *
 *   domain < base < validation, api-spec < db < queries < auth-core, outbox
 *     < door ≈ mutations < session, services, jobs < actions < app
 *
 * The door (lib/server/guard.ts) and the mutations sit side by side: the door defines what a
 * mutation is (defineMutation) and is the only thing that runs one, so each imports the other's
 * layer. The session (next-auth) records an SSO user through a mutation, and the door reads the
 * session: that one loop is broken at run time by a dynamic import in lib/auth/options.ts.
 */
const LAYER_FILES = [
  { category: "domain", pattern: "lib/domain/**" },
  // Leaves every layer uses: configuration, the clock, typed errors, form state, the logger.
  { category: "base", pattern: ["lib/{config,clock,errors,forms,log}.ts", "lib/i18n/**"] },
  { category: "validation", pattern: "lib/validation/**" },
  // Reading and checking outside input (form data, bodies, client addresses, the CSP): no database, no session.
  { category: "input", pattern: "lib/server/{validation,body,client-address,peer-address-recorder,content-security-policy}.ts" },
  // The API described as data: endpoints, schemas of answers, the OpenAPI document.
  { category: "api-spec", pattern: "lib/api/**" },
  { category: "db", pattern: ["lib/db/**", "lib/storage/**", "lib/webhooks/secret-box.ts"] },
  { category: "queries", pattern: "lib/queries/**" },
  // Credentials and their bookkeeping: password hashing (and its upgrade), group → role mapping,
  // sign-in throttling and limits, and API tokens (last use, rate windows).
  { category: "auth-core", pattern: "lib/auth/{password,roles,throttle,api-tokens,hashing-slots,local-sign-in,sign-in-gate}.ts" },
  // What a change records for later delivery, inside its transaction: notices, webhook events.
  { category: "outbox", pattern: ["lib/notifications.ts", "lib/webhooks/{emit,events}.ts", "lib/jobs/nudge.ts"] },
  { category: "door", pattern: "lib/server/{guard,idempotency}.ts" },
  { category: "mutations", pattern: "lib/mutations/**" },
  { category: "session", pattern: "lib/auth/{session,options,require,locale}.ts" },
  { category: "services", pattern: "lib/services/**" },
  // SCIM provisioning's HTTP side: its own door in front of the guarded one (SCIM's errors, bearer token of scope scim).
  { category: "scim", pattern: "lib/scim/**" },
  { category: "jobs", pattern: ["lib/jobs/{runner,sweep,names,audit-chain-head}.ts", "lib/delivery/**", "lib/server/startup.ts"] },
  { category: "actions", pattern: "lib/actions/**" },
  { category: "app", pattern: ["app/**", "components/**", "i18n/**", "proxy.ts", "instrumentation.ts"] },
];

/** Who may import whom; anything not listed is refused. */
const LAYERS = {
  domain: [],
  base: ["domain"],
  validation: ["domain", "base"],
  input: ["domain", "base", "validation"],
  "api-spec": ["domain", "base", "validation"],
  db: ["domain", "base"],
  queries: ["domain", "base", "validation", "db"],
  "auth-core": ["domain", "base", "input", "db", "queries"],
  outbox: ["domain", "base", "db", "queries"],
  door: ["domain", "base", "validation", "input", "api-spec", "db", "queries", "auth-core", "session"],
  mutations: ["domain", "base", "validation", "input", "db", "queries", "auth-core", "outbox", "door"],
  session: ["domain", "base", "db", "queries", "auth-core", "door", "mutations"],
  services: ["domain", "base", "validation", "input", "api-spec", "db", "queries"],
  jobs: ["domain", "base", "db", "queries", "auth-core", "outbox"],
  scim: ["domain", "base", "input", "db", "queries", "auth-core", "door", "mutations"],
  actions: ["domain", "base", "validation", "door", "mutations"],
  app: ["domain", "base", "validation", "input", "api-spec", "db", "queries", "auth-core", "session", "door", "mutations", "services", "actions", "jobs", "scim"],
};

const writeCall = (object) => `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(insert|update|delete)$/][callee.object.name=/^(${object})$/]`;
const NO_WRITES = [
  {
    selector: writeCall("db|tx|database"),
    message: "Only mutations write (through the door, lib/server/guard.ts); jobs and delivery write their own bookkeeping. Move this into lib/mutations.",
  },
  {
    selector: "TaggedTemplateExpression[tag.name='sql'] TemplateElement[value.raw=/\\b(insert\\s+into|delete\\s+from|update\\s+[a-z_\"]+\\s+set)\\b/i]",
    message: "Only mutations write: no INSERT, UPDATE or DELETE in SQL outside lib/mutations.",
  },
];

/**
 * Every word a person reads comes from the message catalogues (messages/<locale>/*.json): text
 * in JSX and the attributes a person reads or hears (labels, titles, placeholders, alt text) may
 * not be literal strings. Attributes that are machine words (class names, ids, types, ARIA states,
 * test ids, values sent to the server) are listed here.
 */
const MACHINE_ATTRIBUTES = [
  "className", "style", "type", "key", "id", "width", "height", "href", "name", "value", "defaultValue", "htmlFor",
  "role", "method", "action", "autoComplete", "inputMode", "enterKeyHint", "rel", "target", "src", "lang", "dir", "scope",
  "pattern", "accept", "encType", "aria-live", "aria-hidden", "aria-current", "aria-expanded", "aria-haspopup",
  "aria-autocomplete", "aria-controls", "aria-describedby", "aria-labelledby", "aria-invalid", "aria-busy", "aria-sort",
  "aria-orientation", "aria-atomic", "aria-relevant", "aria-selected", "aria-pressed", "aria-modal", "aria-owns",
  "aria-activedescendant", "data-testid", "data-[a-z-]+", "testId", "form", "formAction", "viewBox", "fill", "stroke",
  "d", "x", "y", "cx", "cy", "r", "strokeWidth", "tabIndex", "min", "max", "step", "spellCheck", "autoCapitalize",
  "dateTime", "namespaces", "colSpan", "rowSpan", "headers", "download", "as", "variant", "tone", "size", "kind", "status", "intent",
  "field", "path", "slug", "locale", "prefix", "mode",
  // recharts: which data field a chart part reads, and where it sits.
  "dataKey", "layout", "position",
  // The request pages' tab (components/request-nav.tsx): "mine", "inbox"…
  "current",
];


export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["lib/**/*.ts", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "i18n/**/*.ts", "proxy.ts", "instrumentation.ts"],
    plugins: { boundaries },
    settings: {
      "boundaries/files": LAYER_FILES,
      "boundaries/include": ["lib/**/*", "app/**/*", "components/**/*", "i18n/**/*", "proxy.ts", "instrumentation.ts"],
      "import/resolver": { typescript: { alwaysTryTypes: true } },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: Object.entries(LAYERS).map(([type, below]) => ({
            from: { file: { categories: type } },
            allow: { to: { file: { categories: [type, ...below] } } },
          })),
        },
      ],
      // Every file of lib and app belongs to a layer.
      "boundaries/no-unknown-files": "error",
      // Queries, services, the door, pages and components do not write.
      "no-restricted-syntax": ["error", ...NO_WRITES],
    },
  },
  {
    // The pure core: no framework, no database, no I/O. zod for schemas, csv-parse (a pure
    // parser) for CSV, ipaddr.js (a pure parser) for addresses and ranges, node:crypto for hashes
    // and signatures (pure functions of their input), scimmy for SCIM's schemas, filters and
    // PATCH (pure functions of their input, used only from lib/domain/scim-*.ts).
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!\\.{1,2}/|zod$|csv-parse/sync$|node:crypto$|ipaddr\\.js$|scimmy$)", message: "lib/domain imports only other domain modules, zod, csv-parse, ipaddr.js, node:crypto and scimmy." }] },
      ],
    },
  },
  {
    // Writes allowed: the mutations; the jobs and delivery code for their own bookkeeping (claims,
    // tries, expiries, which the sweep audits itself); what a mutation records in its own
    // transaction (audit events, notices, webhook events, derived status and search columns); and
    // credential bookkeeping (sign-in throttle rows, a password hash upgraded at sign-in, a token's
    // last use and rate windows); the door's idempotency keys, kept in the mutation's transaction;
    // and the one-off data upgrades applied at start (each change audited).
    files: [
      "lib/mutations/**",
      "lib/jobs/**",
      "lib/delivery/**",
      "lib/db/audit.ts",
      "lib/db/idempotency.ts",
      "lib/db/status.ts",
      "lib/db/search-index.ts",
      "lib/db/data-upgrades.ts",
      "lib/notifications.ts",
      "lib/webhooks/emit.ts",
      "lib/auth/throttle.ts",
      "lib/auth/api-tokens.ts",
      "lib/auth/local-sign-in.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": { exclude: MACHINE_ATTRIBUTES },
          // Calls whose string arguments are machine words: translation, permissions, URLs, classes.
          callees: { exclude: ["t", "t\\.rich", "t\\.has", "can", "scopesAllow", "require", "includes", "startsWith", "endsWith", "get", "set", "has", "href", "cn", "URLSearchParams", "encodeURIComponent", "format\\.[a-zA-Z]+", "redirect", "notFound", "forbidden"] },
          // Punctuation, symbols, numbers and single characters a layout needs carry no words.
          words: { exclude: ["[0-9!-/:-@[-`{-~·…→←↑↓▾▸✓×—–‑•“”‘’\\s]+", "[A-Z_-]+"] },
          message: "Text a person reads comes from the message catalogues (messages/<locale>/*.json): use t(\"…\").",
        },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
