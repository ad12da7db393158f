"use client";

import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/actions/notifications";
import { ActionForm, SubmitButton } from "./form";

export function MarkReadForm({ id, title }: { id: string; title: string }) {
  return (
    <ActionForm action={markNotificationReadAction} label={`Mark “${title}” as read`}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="btn-secondary text-sm">Mark as read</SubmitButton>
    </ActionForm>
  );
}

export function MarkAllReadForm() {
  return (
    <ActionForm action={markAllNotificationsReadAction} label="Mark all as read">
      <SubmitButton className="btn-secondary">Mark all as read</SubmitButton>
    </ActionForm>
  );
}
