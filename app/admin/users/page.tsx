import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/page-messages";
import { CreateUserForm, UserRowForm } from "@/components/user-forms";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { isLocale } from "@/lib/domain/locale";
import { listUsers } from "@/lib/queries/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function UsersPage() {
  await requirePermission("users.manage");
  const [everyone, t] = await Promise.all([getDb().then(listUsers), getTranslations("admin.users")]);
  const people = everyone.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, email: u.email }));
  return (
    <PageMessages namespaces={["adminClient"]}>
      <div className="space-y-8">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <section className="card" aria-labelledby="add-user">
          <h2 id="add-user" className="mb-4 text-lg font-semibold">{t("add")}</h2>
          <CreateUserForm people={people} />
        </section>
        <section className="card space-y-4" aria-labelledby="all-users">
          <h2 id="all-users" className="text-lg font-semibold">{t("everyone", { count: everyone.length })}</h2>
          <ul className="divide-y divide-slate-100">
            {everyone.map((u) => (
              <li key={u.id} className="py-3" data-testid={`user-${u.email}`}>
                <UserRowForm user={{ id: u.id, name: u.name, email: u.email, role: u.role, managerId: u.managerId, active: u.active, locale: isLocale(u.locale) ? u.locale : "" }} people={people} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </PageMessages>
  );
}
