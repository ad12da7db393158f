import Link from "next/link";
import type { Role } from "@/lib/domain/vocabulary";
import { can } from "@/lib/domain/policy";

/** The request pages' tabs, as far as the person may open them. */
export function RequestNav({ role, current }: { role: Role; current: "mine" | "inbox" | "grants" | "reports" }) {
  const tabs = [
    { key: "mine", href: "/requests", label: "My requests", show: true },
    { key: "inbox", href: "/requests/inbox", label: "Waiting for me", show: can(role, "request.decide") },
    { key: "grants", href: "/requests/grants", label: "Grants", show: can(role, "grants.read") },
    { key: "reports", href: "/requests/reports", label: "Reports", show: can(role, "grants.read") },
  ] as const;
  return (
    <nav aria-label="Requests" className="flex flex-wrap gap-4 border-b border-slate-200 pb-2 text-sm">
      {tabs.filter((t) => t.show).map((t) => (
        <Link key={t.key} href={t.href} aria-current={t.key === current ? "page" : undefined} className={t.key === current ? "font-semibold text-slate-900 no-underline" : ""}>
          {t.label}
        </Link>
      ))}
      <Link href="/requests/new" className="ml-auto">Ask for a new tool</Link>
    </nav>
  );
}
