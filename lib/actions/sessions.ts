"use server";

import { endMySessions } from "../mutations/sessions";
import { t } from "../i18n/translate";
import { formAction } from "../server/guard";

/** Sign-out: ends every session of the caller on the server; the button then clears the cookie. */
export const endMySessionsAction = formAction(endMySessions, () => t("common.signOut.done"));
