"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { commentOnRequest, decideRequest, joinRequest, requestException, requestNewSoftware, revokeGrant, withdrawRequest } from "../mutations/requests";
import { dayAsDate } from "../domain/requests";
import { formatter, t } from "../i18n/translate";
import { formAction } from "../server/guard";

/** Thin form adapters: every rule lives in the mutation behind the guarded door. */
const refresh = () => revalidatePath("/", "layout");
const open = (r: { id: string }) => redirect(`/requests/${r.id}`);
/** Decisions confirm themselves in the page's status region: the form that asked is gone after the re-render or redirect. */
const flash = { flash: true };

export const requestExceptionAction = formAction(requestException, (r) => t("requests.done.sent", { number: r.number }), open, flash);
export const requestNewSoftwareAction = formAction(requestNewSoftware, (r) => t("requests.done.sent", { number: r.number }), open, flash);
export const joinRequestAction = formAction(joinRequest, (r) => t("requests.done.joined", { number: r.number, demand: r.demand }), refresh, flash);
export const commentOnRequestAction = formAction(commentOnRequest, () => t("requests.done.commented"), refresh);
export const withdrawRequestAction = formAction(withdrawRequest, () => t("requests.done.withdrawn"), refresh, flash);
export const decideRequestAction = formAction(
  decideRequest,
  (r) =>
    r.grantId && r.approvedEndsOn
      ? t("requests.done.granted", { date: formatter().dateTime(dayAsDate(r.approvedEndsOn), "day") })
      : r.status === "rejected"
        ? t("requests.done.rejected")
        : r.status === "approved"
          ? t("requests.done.approved")
          : t("requests.done.approvedStep", { status: t(`requests.statusInSentence.${r.status}`) }),
  refresh,
  flash,
);
export const revokeGrantAction = formAction(revokeGrant, () => t("requests.done.revoked"), refresh, flash);
