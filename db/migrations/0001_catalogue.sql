CREATE TYPE "public"."data_class" AS ENUM('public', 'internal', 'confidential', 'restricted');--> statement-breakpoint
CREATE TYPE "public"."identifier_type" AS ENUM('alias', 'domain', 'npm', 'pypi', 'vscode_extension', 'browser_extension', 'bundle_id', 'signing_team_id', 'sha256');--> statement-breakpoint
CREATE TYPE "public"."software_kind" AS ENUM('ai_assistant', 'cli', 'saas', 'desktop_app', 'browser_extension', 'ide_extension', 'npm_package', 'pypi_package', 'mobile_app', 'other');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('employee', 'manager', 'reviewer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."classification_status" AS ENUM('approved', 'approved_with_conditions', 'restricted', 'prohibited', 'under_review');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"software_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "classification_alternatives" (
	"classification_id" uuid NOT NULL,
	"alternative_id" uuid NOT NULL,
	CONSTRAINT "classification_alternatives_classification_id_alternative_id_pk" PRIMARY KEY("classification_id","alternative_id")
);
--> statement-breakpoint
CREATE TABLE "classifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"software_id" uuid NOT NULL,
	"edition_id" uuid,
	"status" "classification_status" NOT NULL,
	"max_data_class" "data_class",
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rationale" text NOT NULL,
	"decided_by_id" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_due_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"software_id" uuid NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"software_id" uuid NOT NULL,
	"edition_id" uuid,
	"type" "identifier_type" NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "software" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"vendor_id" uuid,
	"kind" "software_kind" NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"homepage" text,
	"owner" text,
	"status" "classification_status",
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" DEFAULT 'employee' NOT NULL,
	"manager_id" uuid,
	"password_hash" text,
	"sso_subject" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "classification_alternatives" ADD CONSTRAINT "classification_alternatives_classification_id_classifications_id_fk" FOREIGN KEY ("classification_id") REFERENCES "public"."classifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_alternatives" ADD CONSTRAINT "classification_alternatives_alternative_id_software_id_fk" FOREIGN KEY ("alternative_id") REFERENCES "public"."software"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classifications" ADD CONSTRAINT "classifications_software_id_software_id_fk" FOREIGN KEY ("software_id") REFERENCES "public"."software"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classifications" ADD CONSTRAINT "classifications_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classifications" ADD CONSTRAINT "classifications_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_software_id_software_id_fk" FOREIGN KEY ("software_id") REFERENCES "public"."software"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifiers" ADD CONSTRAINT "identifiers_software_id_software_id_fk" FOREIGN KEY ("software_id") REFERENCES "public"."software"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifiers" ADD CONSTRAINT "identifiers_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "software" ADD CONSTRAINT "software_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_software_idx" ON "audit_events" USING btree ("software_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "classifications_software_decided_idx" ON "classifications" USING btree ("software_id","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "editions_software_slug_key" ON "editions" USING btree ("software_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "identifiers_type_value_key" ON "identifiers" USING btree ("type","value");--> statement-breakpoint
CREATE INDEX "identifiers_value_idx" ON "identifiers" USING btree ("value");--> statement-breakpoint
CREATE INDEX "identifiers_software_idx" ON "identifiers" USING btree ("software_id");--> statement-breakpoint
CREATE UNIQUE INDEX "software_slug_key" ON "software" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "software_vendor_idx" ON "software" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "software_status_name_idx" ON "software" USING btree ("status","name");--> statement-breakpoint
CREATE INDEX "software_kind_name_idx" ON "software" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "software_category_idx" ON "software" USING btree ("category");--> statement-breakpoint
CREATE INDEX "software_name_idx" ON "software" USING btree ("name");--> statement-breakpoint
CREATE INDEX "software_lower_name_idx" ON "software" USING btree (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "software_search_text_trgm_idx" ON "software" USING gist ("search_text" gist_trgm_ops(siglen=32));--> statement-breakpoint
CREATE INDEX "software_search_vector_idx" ON "software" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_sso_subject_key" ON "users" USING btree ("sso_subject");--> statement-breakpoint
CREATE UNIQUE INDEX "vendors_slug_key" ON "vendors" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "vendors_name_key" ON "vendors" USING btree (lower("name"));