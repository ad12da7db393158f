import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Role } from "@/lib/domain/vocabulary";
import { can } from "@/lib/domain/policy";

/** The request pages' tabs, as far as the person may open them. */
export async function RequestNav({ role, current }: { role: Role; current: "mine" | "inbox" | "grants" | "reports" }) {
  const t = await getTranslations("requests.nav");
  const tabs = [
    { key: "mine", href: "/requests", show: true },
    { key: "inbox", href: "/requests/inbox", show: can(role, "request.decide") },
    { key: "grants", href: "/requests/grants", show: can(role, "grants.read") },
    { key: "reports", href: "/requests/reports", show: can(role, "grants.read") },
  ] as const;
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-4 border-b border-slate-200 pb-2 text-sm">
      {tabs.filter((tab) => tab.show).map((tab) => (
        <Link key={tab.key} href={tab.href} aria-current={tab.key === current ? "page" : undefined} className={tab.key === current ? "font-semibold text-slate-900 no-underline" : ""}>
          {t(tab.key)}
        </Link>
      ))}
      <Link href="/requests/new" className="ml-auto">{t("askNewTool")}</Link>
    </nav>
  );
}
