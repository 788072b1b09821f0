CREATE TABLE "duplicate_candidate" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"other_id" bigint NOT NULL,
	"score" real NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text
);
--> statement-breakpoint
CREATE TABLE "import_batch" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"source" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	"actor_name" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "enterprise" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "enterprise" ADD COLUMN "match_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprise" ADD COLUMN "provenance" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "duplicate_candidate" ADD CONSTRAINT "duplicate_candidate_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_candidate" ADD CONSTRAINT "duplicate_candidate_other_id_enterprise_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_pair_idx" ON "duplicate_candidate" USING btree ("enterprise_id","other_id");--> statement-breakpoint
CREATE INDEX "duplicate_status_idx" ON "duplicate_candidate" USING btree ("status");--> statement-breakpoint
CREATE INDEX "enterprise_name_key_idx" ON "enterprise" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "enterprise_match_keys_idx" ON "enterprise" USING gin ("match_keys");