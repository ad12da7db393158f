import "server-only";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { settings } from "../db/schema";
import { DEFAULT_REASSESSMENT_MONTHS, LEVELS, type Level } from "../domain/assessment";
import { DEFAULT_REQUEST_SETTINGS, type RequestSettings } from "../domain/requests";
import {
  DATA_CLASSES,
  DEFAULT_DATA_CLASS_LABELS,
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  STATUSES,
  type DataClass,
  type Status,
} from "../domain/vocabulary";

export interface Settings {
  dataClassLabels: Record<DataClass, string>;
  reviewIntervalMonths: Record<Status, number>;
  reassessmentMonths: Record<Level, number>;
  requests: RequestSettings;
}

const LabelsSchema = z.object(Object.fromEntries(DATA_CLASSES.map((c) => [c, z.string().min(1).max(40)])) as Record<DataClass, z.ZodString>);
const ReassessmentSchema = z.object(Object.fromEntries(LEVELS.map((l) => [l, z.number().int().min(1).max(60)])) as Record<Level, z.ZodNumber>);
const RequestsSchema = z.object({ managerSlaDays: z.number().int().min(1).max(60), securitySlaDays: z.number().int().min(1).max(60), maxExceptionDays: z.number().int().min(1).max(730) });
const IntervalsSchema = z.object(Object.fromEntries(STATUSES.map((s) => [s, z.number().int().min(1).max(60)])) as Record<Status, z.ZodNumber>);

export const SETTING_KEYS = {
  dataClassLabels: "data_class_labels",
  reviewIntervalMonths: "review_interval_months",
  reassessmentMonths: "reassessment_interval_months",
  requests: "requests",
} as const;

/** Settings with defaults for anything not stored (or stored in a shape we no longer accept). */
export async function getSettings(db: Db | Tx): Promise<Settings> {
  const rows = await db.select().from(settings).where(inArray(settings.key, Object.values(SETTING_KEYS)));
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const labels = LabelsSchema.safeParse(stored.get(SETTING_KEYS.dataClassLabels));
  const intervals = IntervalsSchema.safeParse(stored.get(SETTING_KEYS.reviewIntervalMonths));
  const reassessment = ReassessmentSchema.safeParse(stored.get(SETTING_KEYS.reassessmentMonths));
  const requests = RequestsSchema.safeParse(stored.get(SETTING_KEYS.requests));
  return {
    dataClassLabels: labels.success ? labels.data : DEFAULT_DATA_CLASS_LABELS,
    reviewIntervalMonths: intervals.success ? intervals.data : DEFAULT_REVIEW_INTERVAL_MONTHS,
    reassessmentMonths: reassessment.success ? reassessment.data : DEFAULT_REASSESSMENT_MONTHS,
    requests: requests.success ? requests.data : DEFAULT_REQUEST_SETTINGS,
  };
}
