CREATE TABLE "app_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "chain" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description_zh" text,
	"description_en" text,
	"industry_scheme" text NOT NULL,
	"template_version" integer NOT NULL,
	"template_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "chain_flow" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"from_node_id" integer NOT NULL,
	"to_node_id" integer NOT NULL,
	"note_zh" text,
	"note_en" text
);
--> statement-breakpoint
CREATE TABLE "chain_node" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"parent_id" integer,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"focus" boolean DEFAULT false NOT NULL,
	"sort_order" integer NOT NULL,
	"rules" jsonb
);
--> statement-breakpoint
CREATE TABLE "classification" (
	"enterprise_id" bigint NOT NULL,
	"node_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"score" real NOT NULL,
	"decision" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"method" text NOT NULL,
	"reviewer_id" integer,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "classification_enterprise_id_node_id_pk" PRIMARY KEY("enterprise_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "enterprise" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"uscc" text,
	"name" text NOT NULL,
	"name_en" text,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"address" text,
	"founded_on" date,
	"registered_capital_yuan" numeric(20, 2),
	"industry_code" text,
	"business_scope" text,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"park_id" integer,
	"source" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_year" (
	"enterprise_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"revenue_yuan" numeric(20, 2),
	"output_yuan" numeric(20, 2),
	"tax_yuan" numeric(20, 2),
	"rd_spend_yuan" numeric(20, 2),
	"exports_yuan" numeric(20, 2),
	"employees" integer,
	CONSTRAINT "enterprise_year_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year")
);
--> statement-breakpoint
CREATE TABLE "park" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"region_code" text NOT NULL,
	"address" text,
	"focus_node_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "park_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "park_space" (
	"id" serial PRIMARY KEY NOT NULL,
	"park_id" integer NOT NULL,
	"code" text NOT NULL,
	"building" text,
	"kind" text NOT NULL,
	"floor" smallint,
	"area_m2" double precision NOT NULL,
	"occupied_m2" double precision DEFAULT 0 NOT NULL,
	"available_from" date,
	"rent_yuan_per_m2_month" double precision
);
--> statement-breakpoint
CREATE TABLE "region" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "region_stat" (
	"region_code" text NOT NULL,
	"region_name" text,
	"scheme" text NOT NULL,
	"industry_code" text NOT NULL,
	"industry_name" text,
	"industry_type" text,
	"year" smallint NOT NULL,
	"employment" double precision,
	"establishments" double precision,
	"payroll" double precision,
	"output" double precision,
	CONSTRAINT "region_stat_region_code_scheme_industry_code_year_pk" PRIMARY KEY("region_code","scheme","industry_code","year")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"node_id" integer,
	"region_code" text NOT NULL,
	"metric" text NOT NULL,
	"year" smallint NOT NULL,
	"value" double precision NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "target_key" UNIQUE NULLS NOT DISTINCT("chain_id","region_code","metric","year","node_id")
);
--> statement-breakpoint
ALTER TABLE "chain_flow" ADD CONSTRAINT "chain_flow_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_flow" ADD CONSTRAINT "chain_flow_from_node_id_chain_node_id_fk" FOREIGN KEY ("from_node_id") REFERENCES "public"."chain_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_flow" ADD CONSTRAINT "chain_flow_to_node_id_chain_node_id_fk" FOREIGN KEY ("to_node_id") REFERENCES "public"."chain_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_node" ADD CONSTRAINT "chain_node_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification" ADD CONSTRAINT "classification_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification" ADD CONSTRAINT "classification_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_year" ADD CONSTRAINT "enterprise_year_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_space" ADD CONSTRAINT "park_space_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target" ADD CONSTRAINT "target_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target" ADD CONSTRAINT "target_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_flow_pair_idx" ON "chain_flow" USING btree ("chain_id","from_node_id","to_node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_node_code_idx" ON "chain_node" USING btree ("chain_id","code");--> statement-breakpoint
CREATE INDEX "classification_node_idx" ON "classification" USING btree ("node_id","decision");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_uscc_idx" ON "enterprise" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "enterprise_region_idx" ON "enterprise" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "enterprise_name_idx" ON "enterprise" USING btree ("name");--> statement-breakpoint
CREATE INDEX "enterprise_tags_idx" ON "enterprise" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "enterprise_year_region_idx" ON "enterprise_year" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "park_space_code_idx" ON "park_space" USING btree ("park_id","code");--> statement-breakpoint
CREATE INDEX "region_parent_idx" ON "region" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");