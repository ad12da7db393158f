import type { Role } from "../lib/domain/vocabulary";

/** Demo accounts, created only by the demo seed (see db/seed.ts). */
export const DEMO_PASSWORD = "vetted-demo";
export const DEMO_USERS: { email: string; name: string; role: Role; managerEmail?: string }[] = [
  { email: "manager@example.com", name: "Morgan Manager", role: "manager" },
  { email: "employee@example.com", name: "Emery Employee", role: "employee", managerEmail: "manager@example.com" },
  { email: "reviewer@example.com", name: "Riley Reviewer", role: "reviewer" },
  { email: "reviewer2@example.com", name: "Robin Reviewer", role: "reviewer" },
  { email: "admin@example.com", name: "Avery Admin", role: "admin" },
];
