"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { commentOnRequest, decideRequest, joinRequest, requestException, requestNewSoftware, revokeGrant, withdrawRequest } from "../mutations/requests";
import { formAction } from "../server/guard";

/** Thin form adapters: every rule lives in the mutation behind the guarded door. */
const refresh = () => revalidatePath("/", "layout");
const open = (r: { id: string }) => redirect(`/requests/${r.id}`);

export const requestExceptionAction = formAction(requestException, (r) => `Request ${r.number} sent.`, open);
export const requestNewSoftwareAction = formAction(requestNewSoftware, (r) => `Request ${r.number} sent.`, open);
export const joinRequestAction = formAction(joinRequest, (r) => `You joined request ${r.number}: ${r.demand} people are asking.`, refresh);
export const commentOnRequestAction = formAction(commentOnRequest, () => "Comment added.", refresh);
export const withdrawRequestAction = formAction(withdrawRequest, () => "Request withdrawn.", refresh);
export const decideRequestAction = formAction(
  decideRequest,
  (r) => (r.grantId ? `Approved: the exception is granted through ${r.approvedEndsOn}.` : r.status === "rejected" ? "Rejected." : "Decision recorded."),
  refresh,
);
export const revokeGrantAction = formAction(revokeGrant, () => "Grant revoked.", refresh);
