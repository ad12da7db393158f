import "server-only";
import { inArray } from "drizzle-orm";
import type { Tx } from "./db/client";
import { afterCommit } from "./db/transaction";
import { nudgeDelivery } from "./jobs/nudge";
import { emailOutbox, notifications, users } from "./db/schema";
import { isLocale, type Locale } from "./domain/locale";
import { dayAsDate } from "./domain/requests";
import { formatter, translator, type Translator } from "./i18n/translate";
import { getChatWebhookUrl, getLocaleSettings, type LocaleSettings } from "./queries/settings";

/** What a notice's text is made with, in the language of the one who reads it. */
export interface NoticeWords {
  t: Translator;
  /** A calendar day (YYYY-MM-DD) as that language writes it: "Dec 31, 2026", "2026年12月31日". */
  day(isoDay: string): string;
}

/**
 * A notice's title or body: a function of the reader's words (made once per language it is
 * sent in), or text already written (a person's comment; tests).
 */
export type NoticeText = string | ((words: NoticeWords) => string);

/** Something a person should know: shown in the app and sent by email. */
export interface Notice {
  userId: string;
  title: NoticeText;
  /** Plain text; the email body too. */
  body: NoticeText;
  /** Path inside the app, e.g. "/requests/…". */
  link?: string;
}

interface Written {
  title: string;
  body: string;
}

function wordsFor(locale: Locale, settings: LocaleSettings): NoticeWords {
  const format = formatter(locale);
  return { t: translator(locale, settings.overrides[locale]), day: (isoDay) => format.dateTime(dayAsDate(isoDay), "day") };
}

function write(notice: Notice, words: NoticeWords): Written {
  const say = (text: NoticeText) => (typeof text === "string" ? text : text(words));
  return { title: say(notice.title), body: say(notice.body) };
}

/**
 * Records notices in the caller's transaction: one in-app notification each, one email in the
 * outbox for the delivery job, and, when a chat webhook is set, one chat post. Nothing is sent
 * unless the change commits.
 *
 * Each notice is written in its recipient's language (their own setting, else the company's
 * default) when it is recorded: the in-app notice and the email alike, dates included. Chat
 * posts go to the company's channel, so they are in the company's default language.
 */
export async function notify(tx: Tx, notices: Notice[], baseUrl: string): Promise<void> {
  if (notices.length === 0) return;
  afterCommit(tx, nudgeDelivery);
  const recipients = await tx
    .select({ id: users.id, email: users.email, active: users.active, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...new Set(notices.map((n) => n.userId))]));
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const delivered = notices.filter((n) => byId.get(n.userId)?.active);
  if (delivered.length === 0) return;
  const settings = await getLocaleSettings(tx);
  const words = new Map<Locale, NoticeWords>();
  const wordsOf = (locale: Locale) => words.get(locale) ?? words.set(locale, wordsFor(locale, settings)).get(locale)!;
  const localeOf = (userId: string): Locale => {
    const own = byId.get(userId)?.locale;
    return isLocale(own) ? own : settings.defaultLocale;
  };
  const written = delivered.map((n) => {
    const reader = wordsOf(localeOf(n.userId));
    return { notice: n, reader, ...write(n, reader) };
  });
  await tx.insert(notifications).values(written.map((w) => ({ userId: w.notice.userId, title: w.title, body: w.body, link: w.notice.link ?? null })));
  await tx.insert(emailOutbox).values(
    written.map((w) => ({
      toAddress: byId.get(w.notice.userId)!.email,
      subject: w.reader.t("notices.email.subject", { title: w.title }),
      text: `${w.body}\n${w.notice.link ? `\n${w.reader.t("notices.email.open", { url: `${baseUrl}${w.notice.link}` })}\n` : ""}\n${w.reader.t("notices.email.footer")}`,
    })),
  );
  if (await getChatWebhookUrl(tx)) {
    const company = wordsOf(settings.defaultLocale);
    await tx.insert(emailOutbox).values(
      delivered.map((n) => {
        const post = write(n, company);
        return { channel: "chat" as const, toAddress: null, subject: post.title, text: chatText(post, n.link, baseUrl, company.t) };
      }),
    );
  }
}

/** One line that reads well in Slack and Teams alike. */
function chatText(post: Written, link: string | undefined, baseUrl: string, t: Translator): string {
  return `${t("notices.chat.line", { title: post.title, body: post.body })}${link ? ` ${baseUrl}${link}` : ""}`;
}
