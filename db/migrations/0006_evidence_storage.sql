CREATE TYPE "public"."evidence_storage" AS ENUM('database', 'directory');--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "storage" "evidence_storage";--> statement-breakpoint
UPDATE "evidence" SET "storage" = 'database' WHERE "content" IS NOT NULL;
