/** What the harness's SMTP server received (see mail-server.ts). */
import { expect } from "@playwright/test";
import type { ReceivedMail } from "../../tests/support/mailbox";
import { MAILBOX_URL } from "./constants";

export type { ReceivedMail };

/** Every message received so far for `to`, oldest first. */
export async function readMail(to: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${MAILBOX_URL}/messages?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`mailbox answered ${response.status}`);
  return (await response.json()) as ReceivedMail[];
}

/**
 * Waits until a message for `to` whose subject matches has arrived, and returns it. Delivery is
 * a background job, so it may take a few seconds after the change (or after runSweepNow()).
 */
export async function waitForMail(to: string, subject: string | RegExp, timeout = 20_000): Promise<ReceivedMail> {
  const matches = (m: ReceivedMail) => (typeof subject === "string" ? m.subject.includes(subject) : subject.test(m.subject));
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await readMail(to)).find(matches);
        return Boolean(found);
      },
      { message: `mail to ${to} with subject ${String(subject)}`, timeout },
    )
    .toBe(true);
  return found!;
}
