CREATE TABLE "need_match" (
	"id" serial PRIMARY KEY NOT NULL,
	"need_id" integer NOT NULL,
	"supplier_id" bigint NOT NULL,
	"offer_id" integer,
	"outcome" text NOT NULL,
	"outcome_on" date NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_match_outcome_check" CHECK ("need_match"."outcome" in ('contacted', 'sampled', 'contracted', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "need_offer" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"chain_id" integer NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"node_id" integer,
	"node_proposed" boolean DEFAULT false NOT NULL,
	"product" text NOT NULL,
	"quantity" numeric(20, 4),
	"unit" text,
	"price_yuan" numeric(20, 2),
	"contact" text,
	"starts_on" date,
	"ends_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_offer_kind_check" CHECK ("need_offer"."kind" in ('need', 'offer')),
	CONSTRAINT "need_offer_status_check" CHECK ("need_offer"."status" in ('open', 'closed')),
	CONSTRAINT "need_offer_period_check" CHECK ("need_offer"."ends_on" is null or "need_offer"."starts_on" is null or "need_offer"."ends_on" >= "need_offer"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "need_match" ADD CONSTRAINT "need_match_need_id_need_offer_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."need_offer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_match" ADD CONSTRAINT "need_match_supplier_id_enterprise_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_match" ADD CONSTRAINT "need_match_offer_id_need_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."need_offer"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_offer" ADD CONSTRAINT "need_offer_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_offer" ADD CONSTRAINT "need_offer_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_offer" ADD CONSTRAINT "need_offer_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "need_match_pair_idx" ON "need_match" USING btree ("need_id","supplier_id");--> statement-breakpoint
CREATE INDEX "need_match_outcome_idx" ON "need_match" USING btree ("outcome_on");--> statement-breakpoint
CREATE INDEX "need_offer_chain_idx" ON "need_offer" USING btree ("chain_id","kind","status");--> statement-breakpoint
CREATE INDEX "need_offer_enterprise_idx" ON "need_offer" USING btree ("enterprise_id");--> statement-breakpoint
-- Needs and their outcomes feed the chain analysis (node reasons, the cockpit's figures): their
-- writes move the data version like the other inputs (0010_data_version.sql).
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "need_offer"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
--> statement-breakpoint
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "need_match"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
