import { API } from "@/lib/api/endpoints";
import { IMPORT_MAX_BYTES } from "@/lib/domain/catalogue-transfer";
import { importCatalogue, previewCatalogueImport } from "@/lib/mutations/catalogue-import";
import { apiMutation } from "@/lib/server/guard";

/**
 * A CSV or JSON catalogue file as the body: `?mode=dry-run` (default) answers the plan row by
 * row and writes nothing; `?mode=apply` writes it all in one transaction, or nothing (422).
 * Reviewers, or a token with catalogue:write (README, "Import and export").
 */
export const POST = apiMutation(API.catalogueImport, {
  mutation: importCatalogue,
  maxBodyBytes: IMPORT_MAX_BYTES,
  input: ({ body, contentType }) => ({ file: body, contentType }),
  dryRun: { when: (query) => query.mode === "dry-run", run: previewCatalogueImport },
});
