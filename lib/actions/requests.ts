"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { commentOnRequest, decideRequest, joinRequest, requestException, requestNewSoftware, revokeGrant, withdrawRequest } from "../mutations/requests";
import { REQUEST_STATUS_LABELS } from "../domain/requests";
import { formAction } from "../server/guard";

/** Thin form adapters: every rule lives in the mutation behind the guarded door. */
const refresh = () => revalidatePath("/", "layout");
const open = (r: { id: string }) => redirect(`/requests/${r.id}`);
/** Decisions confirm themselves in the page's status region: the form that asked is gone after the re-render or redirect. */
const flash = { flash: true };

export const requestExceptionAction = formAction(requestException, (r) => `Request ${r.number} sent.`, open, flash);
export const requestNewSoftwareAction = formAction(requestNewSoftware, (r) => `Request ${r.number} sent.`, open, flash);
export const joinRequestAction = formAction(joinRequest, (r) => `You joined request ${r.number}: ${r.demand} people are asking.`, refresh, flash);
export const commentOnRequestAction = formAction(commentOnRequest, () => "Comment added.", refresh);
export const withdrawRequestAction = formAction(withdrawRequest, () => "Request withdrawn.", refresh, flash);
export const decideRequestAction = formAction(
  decideRequest,
  (r) =>
    r.grantId
      ? `Approved: the exception is granted through ${r.approvedEndsOn}.`
      : r.status === "rejected"
        ? "Rejected: the requester is told."
        : r.status === "approved"
          ? "Approved."
          : `Approved: ${REQUEST_STATUS_LABELS[r.status].toLowerCase()}.`,
  refresh,
  flash,
);
export const revokeGrantAction = formAction(revokeGrant, () => "Grant revoked.", refresh, flash);
