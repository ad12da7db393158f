import type { Metadata } from "next";
import { CreateUserForm, UserRowForm } from "@/components/user-forms";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/queries/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePermission("users.manage");
  const everyone = await listUsers(await getDb());
  const people = everyone.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, email: u.email }));
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Users, roles and managers</h1>
      <section className="card" aria-labelledby="add-user">
        <h2 id="add-user" className="mb-4 text-lg font-semibold">Add a user</h2>
        <CreateUserForm people={people} />
      </section>
      <section className="card space-y-4" aria-labelledby="all-users">
        <h2 id="all-users" className="text-lg font-semibold">Everyone ({everyone.length})</h2>
        <ul className="divide-y divide-slate-100">
          {everyone.map((u) => (
            <li key={u.id} className="py-3" data-testid={`user-${u.email}`}>
              <UserRowForm user={{ id: u.id, name: u.name, email: u.email, role: u.role, managerId: u.managerId, active: u.active }} people={people} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
