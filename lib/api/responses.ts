import { z } from "zod";
import { MANIFEST_FORMATS } from "../domain/manifests";
import { DATA_CLASSES, IDENTIFIER_TYPES, KINDS, STATUSES, VERDICTS } from "../domain/vocabulary";
import { LEVELS } from "../domain/assessment";

/**
 * The JSON bodies /api/v1 answers with. The route handlers are typed against these (a handler
 * cannot return another shape), the OpenAPI document is generated from them, and the test
 * suites check every response they see against that document. Objects are closed: a field
 * added to a response without being added here fails those checks.
 */

const status = z.enum(STATUSES);
const verdict = z.enum(VERDICTS);
const dataClass = z.enum(DATA_CLASSES);
const kind = z.enum(KINDS);
const isoDay = z.iso.date().describe("A calendar day, YYYY-MM-DD");
const url = z.url();

export const ApiError = z
  .object({
    error: z.object({
      status: z.int().min(400).max(599).describe("The HTTP status, repeated"),
      message: z.string().describe("What went wrong, in words meant for a person"),
      fields: z.record(z.string(), z.array(z.string())).optional().describe("For 400: the messages for each input field (query parameter or body field) that was refused"),
      requestId: z.string().optional().describe("For 500: a reference to quote to the administrators, who find it in the server log"),
    }),
  })
  .describe("Every error, whatever the status");

const alternative = z.object({ slug: z.string(), name: z.string(), url });
const level = z.enum(LEVELS);

/** The asking person's exception grant: its terms, as its holder is shown them. */
const grant = z
  .object({
    dataClass: dataClass.describe("The most sensitive data class the grant covers"),
    conditions: z.array(z.string()).describe("The conditions the grant was approved with"),
    endsOn: isoDay.describe("The last day the grant is valid; it ends by itself the day after"),
    daysLeft: z.int().min(0).describe("Whole days after today until the last day (0 on the last day)"),
    request: z.object({ id: z.uuid(), url }).nullable().describe("The request that granted it"),
  })
  .describe("The asking person's exception grant");

export const CheckAnswer = z
  .object({
    query: z.string().describe("The name or identifier asked about, as given"),
    verdict: verdict.describe("The answer for this data class (or for any data class, when none was given)"),
    match: z.enum(["identifier", "name", "fuzzy"]).nullable().describe("How the software was found: an exact identifier, its name, or a close spelling; null when not found"),
    software: z
      .object({
        slug: z.string(),
        name: z.string(),
        vendor: z.string().nullable(),
        kind,
        status: status.nullable().describe("The status the verdict rests on; null when never classified"),
        maxDataClass: dataClass.nullable().describe("The most sensitive data class the classification allows; null for no limit"),
      })
      .nullable()
      .describe("null: not in the catalogue (the verdict is then unknown)"),
    edition: z.object({ slug: z.string(), name: z.string() }).nullable(),
    dataClass: dataClass.nullable(),
    reasons: z.array(z.string()).describe("Why, in sentences"),
    conditions: z.array(z.string()).describe("Conditions of use that come with an allowed answer"),
    alternatives: z.array(alternative).describe("Approved tools suggested instead"),
    url: url.nullable().describe("The software's page, where people can ask for an exception"),
    grant: grant.nullable().describe("With a session: the person's exception grant the verdict rests on (verdict allowed_by_exception); null otherwise, and always for a token"),
    assessment: z
      .object({
        assessmentId: z.uuid(),
        inherentTier: level.describe("The risk before conditions"),
        residualTier: level.nullable().describe("The risk left with the conditions attached"),
        completedOn: isoDay.nullable(),
        agentCapabilities: z
          .array(z.object({ id: z.string().describe("The questionnaire question it comes from, e.g. runs_shell_commands"), text: z.string().describe("What the tool can do, in plain words") }))
          .describe("For AI tools: what the agent can do, in plain words (empty otherwise)"),
      })
      .nullable()
      .describe("The current completed risk assessment for this edition (or for all editions); null when there is none"),
  })
  .describe("The answer to \"may I use this, for this data?\"");

export const BulkCheckAnswer = z
  .object({
    format: z.enum(MANIFEST_FORMATS).nullable().describe("The manifest format read; null for a list of items"),
    items: z.array(
      CheckAnswer.extend({
        type: z.enum(["npm", "pypi", "other"]).nullable().describe("The package ecosystem, for manifest entries and typed items"),
        version: z.string().nullable().describe("The version the manifest names, if any"),
        dev: z.boolean().describe("A development dependency"),
      }),
    ),
    summary: z.object({
      total: z.int(),
      byVerdict: z.object(Object.fromEntries(VERDICTS.map((v) => [v, z.int()])) as Record<(typeof VERDICTS)[number], z.ZodInt>).describe("How many items got each verdict (0 for those that did not occur)"),
      worst: verdict.nullable().describe("The strictest verdict among the items"),
    }),
  })
  .describe("A verdict per item, in the order given, and a summary");

export const SoftwarePage = z
  .object({
    items: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        vendor: z.string().nullable(),
        kind,
        category: z.string(),
        status: status.nullable().describe("The headline status: the one status when editions are classified alike, else the status of the edition the company provides (the most permissive); null when not yet classified"),
        statusByEdition: z
          .array(z.object({ edition: z.string().describe("The edition's slug"), name: z.string(), status: status.nullable() }))
          .nullable()
          .describe("When editions are classified differently: each edition's status, the company's edition (the one `status` gives) first; null when they agree"),
        description: z.string(),
        match: z.enum(["identifier", "name", "fuzzy"]).optional().describe("With q: how the entry matched"),
        url,
        grant: grant.nullable().describe("With a session: the person's exception grant in force for this tool (the widest); null otherwise, and always for a token"),
      }),
    ),
    total: z.int().describe("Entries matching the filters, on all pages"),
    page: z.int(),
    pageSize: z.int(),
    pageCount: z.int(),
  })
  .describe("One page of the catalogue");

export const SoftwareDetail = z
  .object({
    slug: z.string(),
    name: z.string(),
    vendor: z.object({ name: z.string(), website: z.string().nullable() }).nullable(),
    kind,
    category: z.string(),
    description: z.string(),
    homepage: z.string().nullable(),
    owner: z.string().nullable().describe("The team or person accountable for the tool inside the company"),
    status: status.nullable(),
    editions: z.array(z.object({ slug: z.string(), name: z.string(), description: z.string() })),
    identifiers: z.array(
      z.object({ type: z.enum(IDENTIFIER_TYPES), value: z.string(), edition: z.string().nullable().describe("The edition's slug, when the identifier names one edition") }),
    ),
    current: z
      .array(
        z.object({
          edition: z.string().nullable().describe("The edition's name; null for software without editions"),
          status: status.nullable(),
          maxDataClass: dataClass.nullable(),
          conditions: z.array(z.string()),
          rationale: z.string().nullable(),
          reviewDueOn: isoDay.nullable(),
          alternatives: z.array(alternative),
          verdicts: z.object(Object.fromEntries(DATA_CLASSES.map((d) => [d, verdict])) as Record<(typeof DATA_CLASSES)[number], typeof verdict>).describe("The verdict for each data class"),
        }),
      )
      .describe("The classification in effect, per edition"),
    history: z
      .array(
        z.object({
          id: z.uuid(),
          edition: z.string().nullable(),
          status,
          maxDataClass: dataClass.nullable(),
          conditions: z.array(z.string()),
          rationale: z.string(),
          decidedBy: z.string(),
          decidedAt: z.iso.datetime(),
          reviewDueOn: isoDay,
        }),
      )
      .describe("Every decision, newest first, including ones not (or no longer) in effect"),
    url,
  })
  .describe("One catalogue entry with its current classification and history");

export const SantaRules = z
  .object({
    rules: z.array(
      z.object({
        identifier: z.string().describe("A team id (TEAMID) or a SHA-256 (BINARY)"),
        policy: z.enum(["BLOCKLIST", "ALLOWLIST"]),
        rule_type: z.enum(["TEAMID", "SIGNINGID", "BINARY"]),
        custom_msg: z.string().describe("Shown by Santa when it blocks"),
        custom_url: url.describe("The software's page, where people can ask for an exception"),
      }),
    ),
  })
  .describe("Santa sync rules, in the shape of Santa's rule download");

export const ExtensionPolicy = z
  .object({
    ExtensionInstallBlocklist: z.array(z.string()).describe("Chrome extension ids (32 letters a-p) to block"),
    ExtensionInstallAllowlist: z.array(z.string()).describe("Approved extension ids, so the policy also works with a blocklist of \"*\""),
  })
  .describe("Chrome and Edge extension policy");

export const PackageDenyList = z
  .object({
    generatedAt: z.iso.datetime(),
    ecosystem: z.enum(["npm", "pypi"]),
    packages: z.array(
      z.object({
        name: z.string(),
        status: z.enum(["prohibited", "restricted"]),
        reason: z.string(),
        url,
      }),
    ),
  })
  .describe("Packages a CI step should refuse (prohibited) or warn about (restricted)");
