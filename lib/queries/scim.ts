import "server-only";
import { and, asc, count, eq, inArray, isNull, or, not, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { scimGroupMembers, scimGroups, users } from "../db/schema";
import type { FilterCondition, ParsedFilter } from "../domain/scim-filter";
import { SCIM_MESSAGES, ScimError } from "../domain/scim-messages";
import type { ListSort, ScimGroupFacts, ScimUserFacts } from "../domain/scim-resources";

/** Reads run on the pool or inside a mutation's transaction (what a write answers is read there). */
type Reader = Db | Tx;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` can name a row at all (ids are UUIDs): anything else is simply not found. */
export function isScimId(id: string): boolean {
  return UUID.test(id);
}

// ---- Filters as SQL ---------------------------------------------------------------------

type Column = { expr: SQL; kind: "text" | "exact" | "boolean" | "date" } | { kind: "members" };

const USER_COLUMNS: Record<string, Column> = {
  id: { expr: sql`${users.id}::text`, kind: "text" },
  username: { expr: sql`coalesce(${users.scimUserName}, ${users.email})`, kind: "text" },
  externalid: { expr: sql`${users.scimExternalId}`, kind: "exact" },
  displayname: { expr: sql`${users.name}`, kind: "text" },
  active: { expr: sql`${users.active}`, kind: "boolean" },
  emails: { expr: sql`${users.email}`, kind: "text" },
  "emails.value": { expr: sql`${users.email}`, kind: "text" },
  "name.givenname": { expr: sql`(${users.scimAttributes} -> 'name' ->> 'givenName')`, kind: "text" },
  "name.familyname": { expr: sql`(${users.scimAttributes} -> 'name' ->> 'familyName')`, kind: "text" },
  "meta.created": { expr: sql`${users.createdAt}`, kind: "date" },
  "meta.lastmodified": { expr: sql`${users.updatedAt}`, kind: "date" },
};

const GROUP_COLUMNS: Record<string, Column> = {
  id: { expr: sql`${scimGroups.id}::text`, kind: "text" },
  displayname: { expr: sql`${scimGroups.displayName}`, kind: "text" },
  externalid: { expr: sql`${scimGroups.externalId}`, kind: "exact" },
  members: { kind: "members" },
  "members.value": { kind: "members" },
  "meta.created": { expr: sql`${scimGroups.createdAt}`, kind: "date" },
  "meta.lastmodified": { expr: sql`${scimGroups.updatedAt}`, kind: "date" },
};

function refuseOperator(condition: FilterCondition): never {
  throw new ScimError(400, SCIM_MESSAGES.filterOperator(condition.operator, condition.attribute), "invalidFilter");
}

function textValue(condition: FilterCondition): string {
  if (typeof condition.value !== "string") throw new ScimError(400, SCIM_MESSAGES.filterValue(condition.attribute, "a string"), "invalidFilter");
  return condition.value;
}

/** One comparison as SQL (case-insensitive for caseExact=false attributes, as RFC 7643 §2.4 says). */
function comparison(column: Column, condition: FilterCondition): SQL {
  const { operator } = condition;
  if (column.kind === "members") {
    const membership = (value: string) => sql`exists (select 1 from ${scimGroupMembers} where ${scimGroupMembers.groupId} = ${scimGroups.id} and ${scimGroupMembers.userId}::text = lower(${value}))`;
    if (operator === "pr") return sql`exists (select 1 from ${scimGroupMembers} where ${scimGroupMembers.groupId} = ${scimGroups.id})`;
    if (operator === "eq") return membership(textValue(condition));
    if (operator === "ne") return sql`not ${membership(textValue(condition))}`;
    return refuseOperator(condition);
  }
  const { expr, kind } = column;
  if (operator === "pr") return kind === "text" || kind === "exact" ? sql`(${expr} is not null and ${expr} <> '')` : sql`${expr} is not null`;
  if (kind === "boolean") {
    const value = condition.value === "true" ? true : condition.value === "false" ? false : condition.value;
    if (typeof value !== "boolean") throw new ScimError(400, SCIM_MESSAGES.filterValue(condition.attribute, "true or false"), "invalidFilter");
    if (operator === "eq") return sql`${expr} = ${value}`;
    if (operator === "ne") return sql`${expr} <> ${value}`;
    return refuseOperator(condition);
  }
  if (kind === "date") {
    const raw = textValue(condition);
    if (Number.isNaN(Date.parse(raw))) throw new ScimError(400, SCIM_MESSAGES.filterValue(condition.attribute, "a date and time (ISO 8601)"), "invalidFilter");
    const at = sql`${new Date(raw).toISOString()}::timestamptz`;
    const ops: Record<string, SQL> = { eq: sql`${expr} = ${at}`, ne: sql`${expr} <> ${at}`, gt: sql`${expr} > ${at}`, ge: sql`${expr} >= ${at}`, lt: sql`${expr} < ${at}`, le: sql`${expr} <= ${at}` };
    return ops[operator] ?? refuseOperator(condition);
  }
  const raw = textValue(condition);
  const a = kind === "text" ? sql`lower(${expr})` : expr;
  const b = kind === "text" ? sql`lower(${raw})` : sql`${raw}`;
  switch (operator) {
    case "eq":
      return sql`${a} = ${b}`;
    case "ne":
      return sql`${a} is distinct from ${b}`;
    case "co":
      return sql`strpos(${a}, ${b}) > 0`;
    case "sw":
      return sql`starts_with(${a}, ${b})`;
    case "ew":
      return sql`right(${a}, length(${b})) = ${b}`;
    case "gt":
      return sql`${a} > ${b}`;
    case "ge":
      return sql`${a} >= ${b}`;
    case "lt":
      return sql`${a} < ${b}`;
    case "le":
      return sql`${a} <= ${b}`;
  }
  return refuseOperator(condition);
}

function filterSql(filter: ParsedFilter, columns: Record<string, Column>): SQL {
  const alternatives = filter.map((conditions) => {
    const parts = conditions.map((condition) => {
      // A comparison with a missing value is false, never unknown: `not` of it is then true.
      const base = sql`coalesce((${comparison(columns[condition.attribute]!, condition)}), false)`;
      return condition.negated ? not(base) : base;
    });
    return and(...parts)!;
  });
  return or(...alternatives)!;
}

/** The order of a list: the sort asked for (case-insensitive for text, missing values last), then creation, then id. */
function orderOf(sort: ListSort | null, columns: Record<string, Column>, created: SQL, id: SQL): SQL[] {
  const tail = [sql`${created} asc`, sql`${id} asc`];
  const column = sort ? columns[sort.attribute] : undefined;
  if (!sort || !column || column.kind === "members") return tail;
  const key = column.kind === "text" ? sql`lower(${column.expr})` : column.expr;
  return [sort.descending ? sql`${key} desc nulls last` : sql`${key} asc nulls last`, ...tail];
}

// ---- Users ------------------------------------------------------------------------------

/** People SCIM can see: everyone but those deleted through SCIM. */
const visibleUser = isNull(users.scimDeletedAt);

async function userFacts(db: Reader, rows: (typeof users.$inferSelect)[]): Promise<ScimUserFacts[]> {
  if (rows.length === 0) return [];
  const managerIds = [...new Set(rows.map((r) => r.managerId).filter((id): id is string => Boolean(id)))];
  const [managers, memberships] = await Promise.all([
    managerIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, managerIds)) : Promise.resolve([]),
    db
      .select({ userId: scimGroupMembers.userId, id: scimGroups.id, displayName: scimGroups.displayName })
      .from(scimGroupMembers)
      .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
      .where(inArray(scimGroupMembers.userId, rows.map((r) => r.id)))
      .orderBy(asc(scimGroups.displayName)),
  ]);
  const managerById = new Map(managers.map((m) => [m.id, m]));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    active: row.active,
    scimUserName: row.scimUserName,
    scimExternalId: row.scimExternalId,
    scimAttributes: row.scimAttributes,
    manager: row.managerId ? (managerById.get(row.managerId) ?? null) : null,
    groups: memberships.filter((m) => m.userId === row.id).map((m) => ({ id: m.id, displayName: m.displayName })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

export async function findScimUser(db: Reader, id: string): Promise<ScimUserFacts | null> {
  if (!isScimId(id)) return null;
  const rows = await db.select().from(users).where(and(eq(users.id, id), visibleUser));
  return (await userFacts(db, rows))[0] ?? null;
}

export async function listScimUsers(db: Reader, filter: ParsedFilter | null, sort: ListSort | null, startIndex: number, pageSize: number): Promise<{ total: number; users: ScimUserFacts[] }> {
  const where = and(visibleUser, filter ? filterSql(filter, USER_COLUMNS) : undefined);
  const [{ total }] = (await db.select({ total: count() }).from(users).where(where)) as [{ total: number }];
  if (pageSize === 0 || total < startIndex) return { total, users: [] };
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(...orderOf(sort, USER_COLUMNS, sql`${users.createdAt}`, sql`${users.id}`))
    .offset(startIndex - 1)
    .limit(pageSize);
  return { total, users: await userFacts(db, rows) };
}

// ---- Groups -----------------------------------------------------------------------------

async function groupFacts(db: Reader, rows: (typeof scimGroups.$inferSelect)[], withMembers: boolean): Promise<ScimGroupFacts[]> {
  if (rows.length === 0) return [];
  const members = withMembers
    ? await db
        .select({ groupId: scimGroupMembers.groupId, id: users.id, name: users.name })
        .from(scimGroupMembers)
        .innerJoin(users, eq(users.id, scimGroupMembers.userId))
        .where(and(inArray(scimGroupMembers.groupId, rows.map((r) => r.id)), visibleUser))
        .orderBy(asc(users.name), asc(users.id))
    : [];
  return rows.map((row) => ({
    id: row.id,
    displayName: row.displayName,
    externalId: row.externalId,
    members: members.filter((m) => m.groupId === row.id).map((m) => ({ id: m.id, name: m.name })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

export async function findScimGroup(db: Reader, id: string, withMembers = true): Promise<ScimGroupFacts | null> {
  if (!isScimId(id)) return null;
  const rows = await db.select().from(scimGroups).where(eq(scimGroups.id, id));
  return (await groupFacts(db, rows, withMembers))[0] ?? null;
}

export async function listScimGroups(
  db: Reader,
  filter: ParsedFilter | null,
  sort: ListSort | null,
  startIndex: number,
  pageSize: number,
  withMembers: boolean,
): Promise<{ total: number; groups: ScimGroupFacts[] }> {
  const where = filter ? filterSql(filter, GROUP_COLUMNS) : undefined;
  const [{ total }] = (await db.select({ total: count() }).from(scimGroups).where(where)) as [{ total: number }];
  if (pageSize === 0 || total < startIndex) return { total, groups: [] };
  const rows = await db
    .select()
    .from(scimGroups)
    .where(where)
    .orderBy(...orderOf(sort, GROUP_COLUMNS, sql`${scimGroups.createdAt}`, sql`${scimGroups.id}`))
    .offset(startIndex - 1)
    .limit(pageSize);
  return { total, groups: await groupFacts(db, rows, withMembers) };
}

/** For the role rule: each person's SCIM groups as names and external ids (what OIDC_ROLE_GROUPS may name). */
export async function groupLabelsOf(db: Reader, userIds: string[]): Promise<Map<string, string[]>> {
  const labels = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return labels;
  const rows = await db
    .select({ userId: scimGroupMembers.userId, displayName: scimGroups.displayName, externalId: scimGroups.externalId })
    .from(scimGroupMembers)
    .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
    .where(inArray(scimGroupMembers.userId, userIds));
  for (const row of rows) labels.get(row.userId)!.push(row.displayName, ...(row.externalId ? [row.externalId] : []));
  return labels;
}
