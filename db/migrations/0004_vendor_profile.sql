CREATE TYPE "public"."dpa_status" AS ENUM('signed', 'available', 'none', 'unknown');--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "certifications" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "dpa" "dpa_status" DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "data_residency" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "subprocessors" jsonb DEFAULT '[]'::jsonb NOT NULL;