"use client";

import { useTranslations } from "next-intl";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/actions/notifications";
import { ActionForm, SubmitButton } from "./form";

export function MarkReadForm({ id, title }: { id: string; title: string }) {
  const t = useTranslations("requestsClient.notifications");
  return (
    <ActionForm action={markNotificationReadAction} label={t("markReadLabel", { title })}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="btn-secondary text-sm">{t("markRead")}</SubmitButton>
    </ActionForm>
  );
}

export function MarkAllReadForm() {
  const t = useTranslations("requestsClient.notifications");
  return (
    <ActionForm action={markAllNotificationsReadAction} label={t("markAllRead")}>
      <SubmitButton className="btn-secondary">{t("markAllRead")}</SubmitButton>
    </ActionForm>
  );
}
