/** Runs once per server start: opens the database and applies pending migrations (under a lock). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDbHandle } = await import("./lib/db/client");
  const { kind } = await getDbHandle();
  console.log(`[vetted] database ready (${kind})`);
}
