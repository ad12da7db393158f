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
import { formAction } from "../server/guard";

/** Thin form adapters: every rule lives in the mutation behind the guarded door. */

const refreshEverywhere = () => revalidatePath("/", "layout");

export const createSoftwareAction = formAction(createSoftware, (s) => `Created ${s.name}.`, (s) => redirect(`/manage/software/${s.slug}`), { flash: true });
export const updateSoftwareAction = formAction(updateSoftware, (s) => `Saved ${s.name}.`, refreshEverywhere);
export const createVendorAction = formAction(createVendor, (v) => `Added vendor ${v.name}.`, refreshEverywhere);
export const updateVendorAction = formAction(updateVendor, (v) => `Saved vendor ${v.name}.`, refreshEverywhere);
export const addEditionAction = formAction(addEdition, (e) => `Added edition ${e.name}.`, refreshEverywhere);
export const updateEditionAction = formAction(updateEdition, (e) => `Saved edition ${e.name}.`, refreshEverywhere);
export const removeEditionAction = formAction(removeEdition, (e) => `Removed edition ${e.name}.`, refreshEverywhere);
export const addIdentifierAction = formAction(addIdentifier, (i) => `Added ${i.value}.`, refreshEverywhere);
export const removeIdentifierAction = formAction(removeIdentifier, (i) => `Removed ${i.value}.`, refreshEverywhere);
export const recordClassificationAction = formAction(
  recordClassification,
  (c) =>
    c.confirmationReason
      ? `Decision recorded; it takes effect when a second reviewer confirms it. ${c.confirmationReason}`
      : "Decision recorded. Everyone now sees the new answer.",
  refreshEverywhere,
);
export const confirmClassificationAction = formAction(confirmClassification, () => "Confirmed. The decision is now in effect.", refreshEverywhere, { flash: true });
