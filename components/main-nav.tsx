import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguagePicker } from "@/components/language-picker";
import { NavGroup, NavMenu } from "@/components/nav-disclosure";
import { SignOutButton } from "@/components/sign-out-button";
import { getDb } from "@/lib/db/client";
import { can, type SessionUser } from "@/lib/domain/policy";
import { countRequestsWaitingFor } from "@/lib/queries/inbox";
import { countUnreadNotifications } from "@/lib/queries/notifications";

/** A count shown beside a link (unread notifications…), read out as ", <label>: <count>". */
interface Badge {
  count: number;
  label: string;
  testId: string;
}

interface NavItem {
  href: string;
  label: string;
  show: boolean;
  badge?: Badge;
}

function CountBadge({ count, label, testId }: Badge) {
  return (
    <span className="nav-badge" data-testid={testId}>
      <span className="sr-only">, {label}: </span>
      {count > 99 ? "99+" : count}
    </span>
  );
}

function NavLink({ href, label, badge }: NavItem) {
  return (
    <li>
      <Link href={href} className="nav-link">
        {label}
        {badge && badge.count > 0 && <CountBadge {...badge} />}
      </Link>
    </li>
  );
}

/**
 * The main navigation, as far as the person may go. On a wide screen one line: the everyday
 * pages, the administration pages under one "Admin" button, help and notifications, then who is
 * signed in; narrower, all of it behind a "Menu" button. Counts (badges) are read here.
 */
export async function MainNav({ user }: { user: SessionUser | null }) {
  const t = await getTranslations("common");
  const unread = user && can(user.role, "notifications.own") ? await countUnreadNotifications(await getDb(), user.id) : 0;
  const waiting = user && can(user.role, "request.decide") ? await countRequestsWaitingFor(await getDb(), user) : 0;
  if (!user) {
    return (
      <nav aria-label={t("nav.label")} className="main-nav">
        <Link href="/" className="nav-brand">{t("appName")}</Link>
      </nav>
    );
  }
  const role = user.role;
  const roleName = t("nav.role", { role });
  const everyday: NavItem[] = [
    { href: "/", label: t("nav.search"), show: true },
    { href: "/software", label: t("nav.catalogue"), show: true },
    { href: "/requests", label: t("nav.requests"), show: can(role, "request.create"), badge: { count: waiting, label: t("nav.waitingForYou"), testId: "requests-waiting-count" } },
    { href: "/manage", label: t("nav.manage"), show: can(role, "catalogue.write") },
    { href: "/manage/dashboard", label: t("nav.dashboard"), show: can(role, "dashboard.read") },
    { href: "/manage/templates", label: t("nav.questionnaires"), show: can(role, "template.write") },
  ].filter((i) => i.show);
  const administration: NavItem[] = [
    { href: "/admin/users", label: t("nav.users"), show: can(role, "users.manage") },
    { href: "/admin/settings", label: t("nav.settings"), show: can(role, "settings.manage") },
    { href: "/admin/tokens", label: t("nav.tokens"), show: can(role, "tokens.own") },
    { href: "/admin/webhooks", label: t("nav.webhooks"), show: can(role, "webhooks.manage") },
    { href: "/admin/outbox", label: t("nav.outbox"), show: can(role, "outbox.read") },
    { href: "/admin/audit", label: t("nav.audit"), show: can(role, "audit.verify") },
  ].filter((i) => i.show);
  const help: NavItem[] = [
    { href: "/help", label: t("nav.help"), show: true },
    { href: "/notifications", label: t("nav.notifications"), show: can(role, "notifications.own"), badge: { count: unread, label: t("nav.unread"), testId: "unread-count" } },
  ].filter((i) => i.show);
  return (
    <nav aria-label={t("nav.label")} className="main-nav">
      <Link href="/" className="nav-brand">{t("appName")}</Link>
      <NavMenu label={t("nav.menu")}>
        <ul className="nav-links">
          {everyday.map((item) => <NavLink key={item.href} {...item} />)}
          {/* One administration page (a reviewer's tokens) is a link of its own; several are a group. */}
          {administration.length > 1 ? (
            <li>
              <NavGroup label={t("nav.admin")}>{administration.map((item) => <NavLink key={item.href} {...item} />)}</NavGroup>
            </li>
          ) : (
            administration.map((item) => <NavLink key={item.href} {...item} />)
          )}
          {help.map((item) => <NavLink key={item.href} {...item} />)}
        </ul>
        <div className="nav-account">
          <span className="nav-user" title={t("nav.signedInAs", { name: user.name, role: roleName })}>
            {user.name} <span className="text-slate-600">({roleName})</span>
          </span>
          <LanguagePicker current={user.locale ?? null} />
          <SignOutButton />
        </div>
      </NavMenu>
    </nav>
  );
}
