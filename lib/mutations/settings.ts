import "server-only";
import { settings } from "../db/schema";
import { getSettings, SETTING_KEYS } from "../queries/settings";
import { defineMutation } from "../server/guard";
import { SettingsInput } from "../validation/settings";

export const updateSettings = defineMutation({
  name: "updateSettings",
  action: "settings.manage",
  input: SettingsInput,
  async run({ tx, input, now }) {
    const before = await getSettings(tx);
    const rows = [
      { key: SETTING_KEYS.dataClassLabels, value: input.labels },
      { key: SETTING_KEYS.reviewIntervalMonths, value: input.intervals },
      { key: SETTING_KEYS.reassessmentMonths, value: input.reassessment },
      { key: SETTING_KEYS.requests, value: input.requests },
    ];
    for (const row of rows) {
      await tx
        .insert(settings)
        .values({ ...row, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: row.value, updatedAt: now } });
    }
    const after = { dataClassLabels: input.labels, reviewIntervalMonths: input.intervals, reassessmentMonths: input.reassessment, requests: input.requests };
    return { result: after, audit: [{ action: "settings.updated", entityType: "settings", entityId: "global", before, after }] };
  },
});
