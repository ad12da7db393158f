import { z } from "zod";
import { LEVELS, type Level } from "../domain/assessment";
import { DATA_CLASSES, STATUSES, type DataClass, type Status } from "../domain/vocabulary";
import { requiredLine } from "./fields";

const months = (label: string) =>
  z.coerce
    .number({ message: `${label}: enter a number of months` })
    .int(`${label}: whole months only`)
    .min(1, `${label}: at least 1 month`)
    .max(60, `${label}: at most 60 months`);

const days = (label: string, max: number) =>
  z.coerce
    .number({ message: `${label}: enter a number of days` })
    .int(`${label}: whole days only`)
    .min(1, `${label}: at least 1 day`)
    .max(max, `${label}: at most ${max} days`);

/** The admin settings form: a label per data class, a review interval per status, a reassessment interval per tier. */
export const SettingsInput = z.object({
  labels: z.object(Object.fromEntries(DATA_CLASSES.map((c) => [c, requiredLine(`Label for ${c}`, 40)])) as Record<DataClass, ReturnType<typeof requiredLine>>),
  intervals: z.object(Object.fromEntries(STATUSES.map((s) => [s, months(s)])) as Record<Status, ReturnType<typeof months>>),
  reassessment: z.object(Object.fromEntries(LEVELS.map((l) => [l, months(l)])) as Record<Level, ReturnType<typeof months>>),
  requests: z.object({
    managerSlaDays: days("Manager decision", 60),
    securitySlaDays: days("Security decision", 60),
    maxExceptionDays: days("Longest exception", 730),
  }),
});

const HTTPS_URL = z.url({ protocol: /^https$/ });

/** The chat webhook: set an https URL, or remove it. */
export const ChatWebhookInput = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("set"),
    url: z
      .string({ message: "Webhook URL is required" })
      .trim()
      .min(1, "Webhook URL is required")
      .max(2000, "Webhook URL must be at most 2000 characters")
      .refine((v) => HTTPS_URL.safeParse(v).success, "Webhook URL must be an https:// address (a Slack or Teams incoming webhook)"),
  }),
  z.object({ intent: z.literal("remove") }),
]);
