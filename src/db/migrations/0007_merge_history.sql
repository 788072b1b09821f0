CREATE TABLE "enterprise_merge" (
	"id" serial PRIMARY KEY NOT NULL,
	"kept_id" bigint NOT NULL,
	"dropped_id" bigint NOT NULL,
	"duplicate_id" integer,
	"snapshot" jsonb NOT NULL,
	"status" text DEFAULT 'merged' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" text
);
--> statement-breakpoint
CREATE TABLE "enterprise_year_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"measure" text NOT NULL,
	"value" numeric(20, 2) NOT NULL,
	"kept_value" numeric(20, 2),
	"reason" text NOT NULL,
	"import_id" integer,
	"file_name" text,
	"source_name" text,
	"row" integer,
	"source_at" timestamp with time zone,
	"merged_enterprise_id" bigint,
	"merged_enterprise_name" text,
	"merge_id" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_year_history" ADD CONSTRAINT "enterprise_year_history_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_merge_kept_idx" ON "enterprise_merge" USING btree ("kept_id");--> statement-breakpoint
CREATE INDEX "enterprise_merge_duplicate_idx" ON "enterprise_merge" USING btree ("duplicate_id");--> statement-breakpoint
CREATE INDEX "enterprise_year_history_enterprise_idx" ON "enterprise_year_history" USING btree ("enterprise_id","year");