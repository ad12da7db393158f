"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  addEdition,
  addIdentifier,
  confirmClassification,
  createSoftware,
  createVendor,
  recordClassification,
  removeEdition,
  removeIdentifier,
  updateEdition,
  updateSoftware,
  updateVendor,
} from "../mutations/catalogue";
import { t } from "../i18n/translate";
import { formAction } from "../server/guard";

/** Thin form adapters: every rule lives in the mutation behind the guarded door. */

const refreshEverywhere = () => revalidatePath("/", "layout");

export const createSoftwareAction = formAction(createSoftware, (s) => t("catalogue.done.created", { name: s.name }), (s) => redirect(`/manage/software/${s.slug}`), { flash: true });
export const updateSoftwareAction = formAction(updateSoftware, (s) => t("catalogue.done.saved", { name: s.name }), refreshEverywhere);
export const createVendorAction = formAction(createVendor, (v) => t("catalogue.done.vendorAdded", { name: v.name }), refreshEverywhere);
export const updateVendorAction = formAction(updateVendor, (v) => t("catalogue.done.vendorSaved", { name: v.name }), refreshEverywhere);
export const addEditionAction = formAction(addEdition, (e) => t("catalogue.done.editionAdded", { name: e.name }), refreshEverywhere);
export const updateEditionAction = formAction(updateEdition, (e) => t("catalogue.done.editionSaved", { name: e.name }), refreshEverywhere);
export const removeEditionAction = formAction(removeEdition, (e) => t("catalogue.done.editionRemoved", { name: e.name }), refreshEverywhere);
export const addIdentifierAction = formAction(addIdentifier, (i) => t("catalogue.done.identifierAdded", { value: i.value }), refreshEverywhere);
export const removeIdentifierAction = formAction(removeIdentifier, (i) => t("catalogue.done.identifierRemoved", { value: i.value }), refreshEverywhere);
export const recordClassificationAction = formAction(
  recordClassification,
  (c) =>
    c.confirmationReason
      ? t("catalogue.done.decisionProposed", { reason: c.confirmationReason })
      : t("catalogue.done.decisionRecorded"),
  refreshEverywhere,
);
export const confirmClassificationAction = formAction(confirmClassification, () => t("catalogue.done.confirmed"), refreshEverywhere, { flash: true });
