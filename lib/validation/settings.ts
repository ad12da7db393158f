import { z } from "zod";
import { LEVEL_LABELS, LEVELS, type Level } from "../domain/assessment";
import { DATA_CLASSES, STATUS_LABELS, STATUSES, type DataClass, type Status } from "../domain/vocabulary";
import { requiredLine } from "./fields";

/** `label` names what the interval is for, as it reads inside a sentence ("the review of approved tools"). */
const months = (label: string) =>
  z.coerce
    .number({ message: `Enter the number of months for ${label}.` })
    .int(`Enter whole months for ${label}.`)
    .min(1, `The interval for ${label} must be at least 1 month.`)
    .max(60, `The interval for ${label} must be at most 60 months.`);

const days = (label: string, max: number) =>
  z.coerce
    .number({ message: `Enter the number of days for ${label}.` })
    .int(`Enter whole days for ${label}.`)
    .min(1, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least 1 day.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max} days.`);

/** The admin settings form: a label per data class, a review interval per status, a reassessment interval per tier. */
export const SettingsInput = z.object({
  labels: z.object(Object.fromEntries(DATA_CLASSES.map((c) => [c, requiredLine(`The label for “${c}”`, 40)])) as Record<DataClass, ReturnType<typeof requiredLine>>),
  intervals: z.object(Object.fromEntries(STATUSES.map((s) => [s, months(`reviewing tools marked “${STATUS_LABELS[s]}”`)])) as Record<Status, ReturnType<typeof months>>),
  reassessment: z.object(Object.fromEntries(LEVELS.map((l) => [l, months(`reassessing ${LEVEL_LABELS[l].toLowerCase()}-risk tools`)])) as Record<Level, ReturnType<typeof months>>),
  requests: z.object({
    managerSlaDays: days("the manager's decision", 60),
    securitySlaDays: days("security's decision", 60),
    maxExceptionDays: days("the longest exception", 730),
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
