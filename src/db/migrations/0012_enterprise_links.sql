CREATE TABLE "enterprise_link" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"from_id" bigint NOT NULL,
	"to_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"product" text,
	"share_percent" numeric(5, 2),
	"amount_yuan" numeric(20, 2),
	"valid_from" date,
	"valid_to" date,
	"source" text NOT NULL,
	"declared_by" bigint,
	"import_id" integer,
	"created_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_link_kind_check" CHECK ("enterprise_link"."kind" in ('supplies', 'serves', 'owns', 'cooperates')),
	CONSTRAINT "enterprise_link_source_check" CHECK ("enterprise_link"."source" in ('office', 'import', 'firm')),
	CONSTRAINT "enterprise_link_not_self_check" CHECK ("enterprise_link"."from_id" <> "enterprise_link"."to_id"),
	CONSTRAINT "enterprise_link_share_check" CHECK ("enterprise_link"."share_percent" is null or ("enterprise_link"."share_percent" >= 0 and "enterprise_link"."share_percent" <= 100)),
	CONSTRAINT "enterprise_link_amount_check" CHECK ("enterprise_link"."amount_yuan" is null or "enterprise_link"."amount_yuan" >= 0),
	CONSTRAINT "enterprise_link_dates_check" CHECK ("enterprise_link"."valid_to" is null or "enterprise_link"."valid_from" is null or "enterprise_link"."valid_to" >= "enterprise_link"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "enterprise_link" ADD CONSTRAINT "enterprise_link_from_id_enterprise_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_link" ADD CONSTRAINT "enterprise_link_to_id_enterprise_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_link" ADD CONSTRAINT "enterprise_link_declared_by_enterprise_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."enterprise"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_link_to_idx" ON "enterprise_link" USING btree ("to_id","kind");--> statement-breakpoint
CREATE INDEX "enterprise_link_from_idx" ON "enterprise_link" USING btree ("from_id","kind");--> statement-breakpoint
-- The cockpit's chain-master local supporting rate is part of the cached chain analysis: writes to
-- links move the data version as writes to its other inputs do (0010_data_version.sql).
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enterprise_link"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
