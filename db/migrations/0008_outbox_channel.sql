CREATE TYPE "public"."outbox_channel" AS ENUM('email', 'chat');--> statement-breakpoint
ALTER TABLE "email_outbox" ALTER COLUMN "to_address" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "channel" "outbox_channel" DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_email_has_address" CHECK ("email_outbox"."channel" <> 'email' OR "email_outbox"."to_address" IS NOT NULL);