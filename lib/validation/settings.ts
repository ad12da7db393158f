import { z } from "zod";
import { DATA_CLASSES, STATUSES, type DataClass, type Status } from "../domain/vocabulary";
import { requiredLine } from "./fields";

const months = (status: Status) =>
  z.coerce
    .number({ message: `${status}: enter a number of months` })
    .int(`${status}: whole months only`)
    .min(1, `${status}: at least 1 month`)
    .max(60, `${status}: at most 60 months`);

/** The admin settings form: a label per data class and a review interval per status. */
export const SettingsInput = z.object({
  labels: z.object(Object.fromEntries(DATA_CLASSES.map((c) => [c, requiredLine(`Label for ${c}`, 40)])) as Record<DataClass, ReturnType<typeof requiredLine>>),
  intervals: z.object(Object.fromEntries(STATUSES.map((s) => [s, months(s)])) as Record<Status, ReturnType<typeof months>>),
});
