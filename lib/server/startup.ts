import { config } from "../config";
import { getDbHandle } from "../db/client";
import { createMailer } from "../delivery/email";
import { channels } from "../delivery/outbox";
import { startProcessJobs } from "../jobs/runner";
import { logger } from "../log";
import { prepareEvidenceDir } from "../storage/evidence-files";

/**
 * Validates configuration, opens the database and applies pending migrations (under a lock),
 * then starts the scheduled jobs unless VETTED_JOBS=off. If any of that fails the process
 * exits: a half-started instance would only answer errors, or never expire a grant.
 */
export async function startServer(): Promise<void> {
  try {
    const cfg = config();
    if (cfg.evidenceDir) await prepareEvidenceDir(cfg.evidenceDir);
    const { db, kind } = await getDbHandle();
    logger().info({ database: kind }, "database ready");
    if (cfg.jobs) await startJobs(db, cfg);
    else logger().info("jobs off (VETTED_JOBS=off): another instance must run them");
  } catch (error) {
    logger().fatal({ error: error instanceof Error ? error.message : String(error) }, "cannot start");
    process.exit(1);
  }
}

async function startJobs(db: Awaited<ReturnType<typeof getDbHandle>>["db"], cfg: ReturnType<typeof config>): Promise<void> {
  const mailer = cfg.smtp ? createMailer(cfg.smtp, cfg.mailFrom) : null;
  logger().info(mailer ? `email through ${cfg.smtp!.host}:${cfg.smtp!.port}` : "SMTP not configured: email is held in the outbox for admins");
  const runner = await startProcessJobs({
    db,
    database: cfg.database.kind === "postgres" ? { kind: "postgres", url: cfg.database.url } : { kind: "embedded" },
    channels: channels(mailer),
  });
  const stop = () => {
    runner.stop().catch((error: unknown) => logger().error({ component: "jobs", error: error instanceof Error ? error.message : "unknown error" }, "stop failed"));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
