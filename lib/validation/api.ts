import { z } from "zod";
import { DATA_CLASSES, KINDS, STATUSES } from "../domain/vocabulary";
import { MAX_BULK_ITEMS } from "../domain/manifests";
import { line, optional } from "./fields";

/** Query-string schemas for /api/v1 (and the catalogue page, which takes the same filters). */

const searchText = (label: string) => line(label, 200);

export const CheckQuery = z.object({
  q: searchText("q")
    .refine((v) => v.length > 0, "The q parameter is required: a software name or identifier.")
    .describe("A software name or any identifier: npm or PyPI package, bundle id, domain, extension id, team id, SHA-256"),
  dataClass: optional(z.enum(DATA_CLASSES, { message: `The dataClass must be one of ${DATA_CLASSES.join(", ")}.` })).describe(
    "The most sensitive data the tool would handle; without it, the answer holds for any data class",
  ),
  edition: optional(line("edition", 80)).describe("An edition's name or slug (e.g. Business), for software whose editions are classified apart"),
});

export const ListQuery = z.object({
  q: optional(searchText("q")).describe("Search words: names, aliases, identifiers, vendors, descriptions; close misspellings match"),
  status: optional(z.enum([...STATUSES, "unclassified"], { message: `The status must be one of ${STATUSES.join(", ")}, unclassified.` })).describe(
    "Only entries with this headline status",
  ),
  kind: optional(z.enum(KINDS, { message: `The kind must be one of ${KINDS.join(", ")}.` })).describe("Only entries of this kind"),
  category: optional(line("category", 60)).describe("Only entries in this category (case-insensitive)"),
  vendor: optional(line("vendor", 120)).describe("Only entries of the vendor with this slug"),
  page: z.coerce
    .number({ message: "The page must be a number." })
    .int("The page must be a whole number.")
    .min(1, "The page must be at least 1.")
    .max(100_000, "The page is too large.")
    .default(1)
    .describe("The page, from 1"),
  pageSize: z.coerce.number({ message: "The pageSize must be a number." }).int().min(1).max(100, "The pageSize must be at most 100.").default(25).describe("Entries per page"),
});
export type ListQuery = z.infer<typeof ListQuery>;

/** POST /api/v1/check: the largest body read, and the most items one check answers. */
export const BULK_CHECK_MAX_BYTES = 5 * 1024 * 1024;

const dataClassField = optional(z.enum(DATA_CLASSES, { message: `The dataClass must be one of ${DATA_CLASSES.join(", ")}.` })).describe(
  "The most sensitive data the tools would handle; for items that name none",
);

export const BulkCheckItem = z.object({
  q: line("q", 300).refine((v) => v.length > 0, "The q parameter is required: a software name or identifier.").describe("A software name or any identifier"),
  type: optional(z.enum(["npm", "pypi"], { message: "The type must be npm or pypi (or left out for any name or identifier)." })).describe(
    "Look q up as a package of this ecosystem only (no misspellings); left out, q is any name or identifier",
  ),
  dataClass: dataClassField,
  edition: optional(line("edition", 80)).describe("An edition's name or slug"),
});

/** `{ "items": [{ "q": "…", "dataClass"?: "…" }, …] }`: names or identifiers, each with its own data class. */
export const BulkCheckItems = z.object({
  items: z
    .array(BulkCheckItem, { message: "The items must be a list of { q, dataClass? }." })
    .min(1, "The items must list at least one name or identifier.")
    .max(MAX_BULK_ITEMS, `items may list at most ${MAX_BULK_ITEMS}; split the check`),
  /** For items that name none. */
  dataClass: dataClassField,
});

/** `{ "file": "<manifest text>", "filename"?: "…" }`: a manifest sent as a string inside JSON. */
export const BulkCheckFile = z.object({
  file: z.string({ message: "The file must be the manifest's text." }).min(1, "The file is empty.").describe("The manifest's text: package.json, package-lock.json, requirements.txt or CycloneDX JSON"),
  filename: optional(line("filename", 200)).describe("The file's name, for the record; the format is read from the content"),
  dataClass: dataClassField,
});

/** The query string of POST /api/v1/check: a data class for every item that names none. */
export const BulkCheckQuery = z.object({ dataClass: dataClassField });
