import { config } from "../config";
import { getDbHandle } from "../db/client";
import { createMailer } from "../delivery/email";
import { channels } from "../delivery/outbox";
import { startProcessJobs } from "../jobs/runner";
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
    console.log(`[vetted] database ready (${kind})`);
    if (cfg.jobs) await startJobs(db, cfg);
    else console.log("[vetted] jobs off (VETTED_JOBS=off): another instance must run them");
  } catch (error) {
    console.error(`[vetted] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

async function startJobs(db: Awaited<ReturnType<typeof getDbHandle>>["db"], cfg: ReturnType<typeof config>): Promise<void> {
  const mailer = cfg.smtp ? createMailer(cfg.smtp, cfg.mailFrom) : null;
  console.log(mailer ? `[vetted] email through ${cfg.smtp!.host}:${cfg.smtp!.port}` : "[vetted] SMTP not configured: email is held in the outbox for admins");
  const runner = await startProcessJobs({
    db,
    database: cfg.database.kind === "postgres" ? { kind: "postgres", url: cfg.database.url } : { kind: "embedded" },
    channels: channels(mailer),
  });
  const stop = () => {
    runner.stop().catch((error: unknown) => console.error(`[jobs] stop failed: ${error instanceof Error ? error.message : "unknown error"}`));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
