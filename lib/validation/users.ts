import { z } from "zod";
import { ROLES } from "../domain/vocabulary";
import { checkbox, optional, requiredLine, uuid } from "./fields";

export const UpdateUserInput = z.object({
  id: uuid("User"),
  role: z.enum(ROLES, { message: "Choose a role" }),
  managerId: optional(uuid("Manager")),
  active: checkbox,
});

export const CreateUserInput = z.object({
  email: z.string().trim().toLowerCase().max(320, "Email must be at most 320 characters").pipe(z.email({ message: "Enter a valid email address" })),
  name: requiredLine("Name", 120),
  role: z.enum(ROLES, { message: "Choose a role" }),
  managerId: optional(uuid("Manager")),
  /** Optional: without one the user signs in through SSO only. */
  password: optional(z.string().min(12, "Password must be at least 12 characters").max(256, "Password must be at most 256 characters")),
});
