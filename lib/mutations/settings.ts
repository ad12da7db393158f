import "server-only";
import { isDeepStrictEqual } from "node:util";
import { eq } from "drizzle-orm";
import { config } from "../config";
import { settings } from "../db/schema";
import { addressPolicy, hostRefusal, hostRefusalMessage } from "../domain/address-policy";
import { ValidationFailed } from "../errors";
import { CHAT_WEBHOOK_KEY, describeChatWebhook, getChatWebhookUrl, getSettings, SETTING_KEYS } from "../queries/settings";
import { defineMutation } from "../server/guard";
import { ChatWebhookInput, SettingsInput } from "../validation/settings";

export const updateSettings = defineMutation({
  name: "updateSettings",
  action: "settings.manage",
  input: SettingsInput,
  async run({ tx, input, now }) {
    const before = await getSettings(tx);
    const after = { dataClassLabels: input.labels, reviewIntervalMonths: input.intervals, reassessmentMonths: input.reassessment, requests: input.requests };
    // Saved unchanged: nothing to write, nothing to audit. (Compared as JSON, as they are stored.)
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(after)))) return { result: after, audit: [] };
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
    return { result: after, audit: [{ action: "settings.updated", entityType: "settings", entityId: "global", before, after }] };
  },
});

/** Sets or removes the chat webhook. The audit trail records its host only: the URL is a secret. */
export const setChatWebhook = defineMutation({
  name: "setChatWebhook",
  action: "settings.manage",
  input: ChatWebhookInput,
  async run({ tx, input, now }) {
    const current = await getChatWebhookUrl(tx);
    const before = describeChatWebhook(current);
    // The same URL again, or removing none: a no-op, not audited.
    if ((input.intent === "set" ? input.url : null) === current) return { result: before, audit: [] };
    if (input.intent === "set") {
      // A clear message now; every post checks the address it connects to again.
      const refusal = hostRefusal(new URL(input.url).hostname, addressPolicy(config().webhooks));
      if (refusal) throw new ValidationFailed(hostRefusalMessage(refusal), { url: [hostRefusalMessage(refusal)] });
      await tx
        .insert(settings)
        .values({ key: CHAT_WEBHOOK_KEY, value: { url: input.url }, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: { url: input.url }, updatedAt: now } });
    } else {
      await tx.delete(settings).where(eq(settings.key, CHAT_WEBHOOK_KEY));
    }
    const after = input.intent === "set" ? describeChatWebhook(input.url) : null;
    return { result: after, audit: [{ action: "settings.chat_webhook", entityType: "settings", entityId: "chat_webhook", before, after }] };
  },
});
