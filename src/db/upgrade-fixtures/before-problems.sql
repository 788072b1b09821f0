-- chainlead upgrade fixture "before-problems": the schema and a few rows of every main table as
-- the release at 041fb20^ (commit dcbe237f75c9a582dbab7e9411f03f4cf4e0bd96) left them.
-- Made by scripts/make-upgrade-fixture.ts; do not edit by hand (see docs/releasing.md).
create schema if not exists drizzle;
create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint);
-- migration 0000_init
CREATE TABLE "app_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

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

CREATE TABLE "chain_flow" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"from_node_id" integer NOT NULL,
	"to_node_id" integer NOT NULL,
	"note_zh" text,
	"note_en" text
);

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

CREATE TABLE "region" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text
);

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

CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);

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

ALTER TABLE "chain_flow" ADD CONSTRAINT "chain_flow_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "chain_flow" ADD CONSTRAINT "chain_flow_from_node_id_chain_node_id_fk" FOREIGN KEY ("from_node_id") REFERENCES "public"."chain_node"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "chain_flow" ADD CONSTRAINT "chain_flow_to_node_id_chain_node_id_fk" FOREIGN KEY ("to_node_id") REFERENCES "public"."chain_node"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "chain_node" ADD CONSTRAINT "chain_node_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "classification" ADD CONSTRAINT "classification_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "classification" ADD CONSTRAINT "classification_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "enterprise_year" ADD CONSTRAINT "enterprise_year_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "park_space" ADD CONSTRAINT "park_space_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "target" ADD CONSTRAINT "target_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "target" ADD CONSTRAINT "target_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE cascade ON UPDATE no action;
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");
CREATE UNIQUE INDEX "chain_flow_pair_idx" ON "chain_flow" USING btree ("chain_id","from_node_id","to_node_id");
CREATE UNIQUE INDEX "chain_node_code_idx" ON "chain_node" USING btree ("chain_id","code");
CREATE INDEX "classification_node_idx" ON "classification" USING btree ("node_id","decision");
CREATE UNIQUE INDEX "enterprise_uscc_idx" ON "enterprise" USING btree ("uscc");
CREATE INDEX "enterprise_region_idx" ON "enterprise" USING btree ("region_code");
CREATE INDEX "enterprise_name_idx" ON "enterprise" USING btree ("name");
CREATE INDEX "enterprise_tags_idx" ON "enterprise" USING gin ("tags");
CREATE INDEX "enterprise_year_region_idx" ON "enterprise_year" USING btree ("region_code","year");
CREATE UNIQUE INDEX "park_space_code_idx" ON "park_space" USING btree ("park_id","code");
CREATE INDEX "region_parent_idx" ON "region" USING btree ("parent_code");
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");
-- migration 0001_registry
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

ALTER TABLE "enterprise" ADD COLUMN "name_key" text;
ALTER TABLE "enterprise" ADD COLUMN "match_keys" text[] DEFAULT '{}'::text[] NOT NULL;
ALTER TABLE "enterprise" ADD COLUMN "provenance" jsonb DEFAULT '[]'::jsonb NOT NULL;
ALTER TABLE "duplicate_candidate" ADD CONSTRAINT "duplicate_candidate_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "duplicate_candidate" ADD CONSTRAINT "duplicate_candidate_other_id_enterprise_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;
CREATE UNIQUE INDEX "duplicate_pair_idx" ON "duplicate_candidate" USING btree ("enterprise_id","other_id");
CREATE INDEX "duplicate_status_idx" ON "duplicate_candidate" USING btree ("status");
CREATE INDEX "enterprise_name_key_idx" ON "enterprise" USING btree ("name_key");
CREATE INDEX "enterprise_match_keys_idx" ON "enterprise" USING gin ("match_keys");
-- migration 0002_match_keys_by_city
-- Fuzzy-match keys are scoped to the enterprise's city (see src/services/registry/enterprise-keys.ts).
UPDATE "enterprise"
SET "match_keys" = ARRAY(
  SELECT CASE WHEN k LIKE 'u:%' THEN k ELSE left("region_code", 4) || '|' || k END
  FROM unnest("match_keys") AS k
)
WHERE "match_keys" <> '{}';
DROP INDEX "enterprise_match_keys_idx";
CREATE INDEX "enterprise_match_keys_idx" ON "enterprise" USING gin ("match_keys") WITH (fastupdate=false);

-- migration 0003_investment
CREATE TABLE "project" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"node_id" integer,
	"region_code" text NOT NULL,
	"enterprise_id" bigint,
	"name" text NOT NULL,
	"investor" text,
	"stage" text DEFAULT 'lead' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"drop_reason" text,
	"investment_yuan" numeric(20, 2),
	"capital_in_place_yuan" numeric(20, 2) DEFAULT 0 NOT NULL,
	"expected_output_yuan" numeric(20, 2),
	"output_start_year" smallint,
	"space_need" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"space_needed_from" date,
	"park_id" integer,
	"owner_id" integer,
	"next_action" text,
	"next_action_on" date,
	"notes" text,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_stage_check" CHECK ("project"."stage" in ('lead', 'negotiating', 'signed', 'started', 'producing')),
	CONSTRAINT "project_status_check" CHECK ("project"."status" in ('active', 'dropped'))
);

CREATE TABLE "project_attachment" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE "project_stage_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"reason" text,
	"amount_yuan" numeric(20, 2),
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE "space_reservation" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"space_id" integer NOT NULL,
	"park_id" integer NOT NULL,
	"kind" text NOT NULL,
	"area_m2" double precision NOT NULL,
	"status" text DEFAULT 'reserved' NOT NULL,
	"note" text,
	"reserved_by" text NOT NULL,
	"reserved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_by" text,
	"released_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "space_reservation_area_check" CHECK ("space_reservation"."area_m2" > 0),
	CONSTRAINT "space_reservation_status_check" CHECK ("space_reservation"."status" in ('reserved', 'released'))
);

ALTER TABLE "app_user" ADD COLUMN "park_id" integer;
ALTER TABLE "park_space" ADD COLUMN "reserved_m2" double precision DEFAULT 0 NOT NULL;
ALTER TABLE "project" ADD CONSTRAINT "project_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "project" ADD CONSTRAINT "project_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "project" ADD CONSTRAINT "project_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "project" ADD CONSTRAINT "project_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "project" ADD CONSTRAINT "project_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "project_attachment" ADD CONSTRAINT "project_attachment_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "project_stage_event" ADD CONSTRAINT "project_stage_event_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "space_reservation" ADD CONSTRAINT "space_reservation_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "space_reservation" ADD CONSTRAINT "space_reservation_space_id_park_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."park_space"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "space_reservation" ADD CONSTRAINT "space_reservation_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE cascade ON UPDATE no action;
CREATE INDEX "project_region_idx" ON "project" USING btree ("chain_id","region_code");
CREATE INDEX "project_enterprise_idx" ON "project" USING btree ("enterprise_id");
CREATE INDEX "project_park_idx" ON "project" USING btree ("park_id");
CREATE INDEX "project_attachment_project_idx" ON "project_attachment" USING btree ("project_id");
CREATE INDEX "project_stage_event_project_idx" ON "project_stage_event" USING btree ("project_id","at");
CREATE INDEX "space_reservation_project_idx" ON "space_reservation" USING btree ("project_id");
CREATE INDEX "space_reservation_space_idx" ON "space_reservation" USING btree ("space_id","status");
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "park_space" ADD CONSTRAINT "park_space_allocation_check" CHECK ("park_space"."area_m2" > 0 and "park_space"."occupied_m2" >= 0 and "park_space"."reserved_m2" >= 0 and "park_space"."occupied_m2" + "park_space"."reserved_m2" <= "park_space"."area_m2");
-- migration 0004_analysis
CREATE INDEX "classification_counted_primary_idx" ON "classification" USING btree ("enterprise_id","node_id","region_code") WHERE decision = 'confirmed' and is_primary;
CREATE INDEX "classification_confirmed_secondary_idx" ON "classification" USING btree ("enterprise_id","score","node_id","region_code") WHERE decision = 'confirmed' and not is_primary;
CREATE INDEX "classification_confirmed_region_idx" ON "classification" USING btree ("region_code" text_pattern_ops) WHERE decision = 'confirmed';
CREATE INDEX "enterprise_year_year_idx" ON "enterprise_year" USING btree ("year","enterprise_id","output_yuan","revenue_yuan");
-- migration 0005_duplicate_history
ALTER TABLE "duplicate_candidate" DROP CONSTRAINT "duplicate_candidate_other_id_enterprise_id_fk";

ALTER TABLE "duplicate_candidate" ALTER COLUMN "other_id" DROP NOT NULL;
ALTER TABLE "duplicate_candidate" ADD COLUMN "other_name" text;
ALTER TABLE "duplicate_candidate" ADD CONSTRAINT "duplicate_candidate_other_id_enterprise_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."enterprise"("id") ON DELETE set null ON UPDATE no action;
-- rows
insert into drizzle.__drizzle_migrations select * from json_populate_record(null::drizzle.__drizzle_migrations, '{"id":1,"hash":"e4e06e8a3da46d62699bedf37872b617d5a39fe76772608883a13427c59ee882","created_at":1795599279510}');
insert into drizzle.__drizzle_migrations select * from json_populate_record(null::drizzle.__drizzle_migrations, '{"id":2,"hash":"7f76a490eec26570ace0a3b7ffe061aa7b976c174c784c3fffa7332afaaf66c1","created_at":1795601669443}');
insert into drizzle.__drizzle_migrations select * from json_populate_record(null::drizzle.__drizzle_migrations, '{"id":3,"hash":"800b195514b3e92f977b11e75407bc1696370c75f7dcdb0010db5a374245e6a0","created_at":1795608665902}');
insert into drizzle.__drizzle_migrations select * from json_populate_record(null::drizzle.__drizzle_migrations, '{"id":4,"hash":"4a26fc4da774b9b0bb07f68c32ffeb885670788b7a60a20533ffb485aad35aed","created_at":1795609252581}');
insert into drizzle.__drizzle_migrations select * from json_populate_record(null::drizzle.__drizzle_migrations, '{"id":5,"hash":"cb7f890c882d35137e2e30ef9591b6690ab7fa3c4e8c36453808e80e2e462512","created_at":1795615155248}');
insert into drizzle.__drizzle_migrations select * from json_populate_record(null::drizzle.__drizzle_migrations, '{"id":6,"hash":"2eb4f5f903709b3d72d70f86b95b8e0b0ed32b28a7e58e4a865781585e6ea972","created_at":1795624410647}');
insert into public.app_setting select * from json_populate_record(null::public.app_setting, '{"key":"fixture","value":{"made": "upgrade fixture"},"updated_at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.audit_log select * from json_populate_record(null::public.audit_log, '{"id":1,"at":"2026-12-03T07:45:30.203+00:00","actor_id":1,"actor_name":"fx-admin","action":"create","entity_type":"project","entity_id":"1","before":null,"after":{"name": "样例原料药扩产项目"}}');
insert into public.chain select * from json_populate_record(null::public.chain, '{"id":1,"code":"fx-chain","name_zh":"生物医药（样例）","name_en":"Biomedicine (fixture)","description_zh":null,"description_en":null,"industry_scheme":"GB/T 4754-2017","template_version":1,"template_hash":"fixture","created_at":"2026-12-03T07:45:30.203+00:00","updated_at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.chain_node select * from json_populate_record(null::public.chain_node, '{"id":1,"chain_id":1,"parent_id":null,"code":"fx-chain.up","level":"segment","name_zh":"上游","name_en":"Upstream","weight":1,"focus":false,"sort_order":1,"rules":null}');
insert into public.chain_node select * from json_populate_record(null::public.chain_node, '{"id":2,"chain_id":1,"parent_id":1,"code":"fx-chain.up.api","level":"node","name_zh":"原料药","name_en":"APIs","weight":0.5,"focus":true,"sort_order":1,"rules":{"industryCodes": ["2710"]}}');
insert into public.chain_node select * from json_populate_record(null::public.chain_node, '{"id":3,"chain_id":1,"parent_id":null,"code":"fx-chain.mid","level":"segment","name_zh":"中游","name_en":"Midstream","weight":1,"focus":false,"sort_order":2,"rules":null}');
insert into public.chain_flow select * from json_populate_record(null::public.chain_flow, '{"id":1,"chain_id":1,"from_node_id":2,"to_node_id":3,"note_zh":"原料供应","note_en":"supplies"}');
insert into public.import_batch select * from json_populate_record(null::public.import_batch, '{"id":1,"kind":"enterprises","file_name":"fixture.csv","source":"fixture","options":{},"status":"done","rows_read":3,"counts":{"inserted": 3},"errors":[],"message":null,"actor_name":"fx-admin","started_at":"2026-12-03T07:45:30.203+00:00","finished_at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.park select * from json_populate_record(null::public.park, '{"id":1,"code":"fx-park-1","name":"无锡生命科技产业园","name_en":"Wuxi Life Science Park","region_code":"320214","address":"新吴区 1 号","focus_node_codes":["biomed.mid.drugs"],"is_demo":false,"created_at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.park select * from json_populate_record(null::public.park, '{"id":2,"code":"fx-park-2","name":"惠山生物医药园","name_en":"Huishan Biomed Park","region_code":"3202","address":null,"focus_node_codes":[],"is_demo":false,"created_at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.app_user select * from json_populate_record(null::public.app_user, '{"id":1,"username":"fx-admin","display_name":"管理员","password_hash":"scrypt$fixture$not-a-real-hash","role":"admin","disabled":false,"created_at":"2026-12-03T07:45:30.203+00:00","updated_at":"2026-12-03T07:45:30.203+00:00","park_id":null}');
insert into public.app_user select * from json_populate_record(null::public.app_user, '{"id":2,"username":"fx-analyst","display_name":"分析员","password_hash":"scrypt$fixture$not-a-real-hash","role":"analyst","disabled":false,"created_at":"2026-12-03T07:45:30.203+00:00","updated_at":"2026-12-03T07:45:30.203+00:00","park_id":null}');
insert into public.app_user select * from json_populate_record(null::public.app_user, '{"id":3,"username":"fx-park","display_name":"园区","password_hash":"scrypt$fixture$not-a-real-hash","role":"park","disabled":false,"created_at":"2026-12-03T07:45:30.203+00:00","updated_at":"2026-12-03T07:45:30.203+00:00","park_id":1}');
insert into public.enterprise select * from json_populate_record(null::public.enterprise, '{"id":1,"region_code":"320214","uscc":"91320214MA1XXXXX1A","name":"无锡样例药业有限公司","name_en":"Wuxi Fixture Pharma","aliases":["样例药业"],"address":"新吴区 8 号","founded_on":"2015-06-01","registered_capital_yuan":50000000.00,"industry_code":"2710","business_scope":"原料药生产","products":["阿司匹林"],"tags":["高新"],"park_id":1,"source":"fixture","status":"active","is_demo":false,"created_at":"2026-12-03T07:45:30.203+00:00","updated_at":"2026-12-03T07:45:30.203+00:00","name_key":"样例药业","match_keys":["3202:样例药业"],"provenance":{"row": 2, "file": "fixture.csv"}}');
insert into public.enterprise select * from json_populate_record(null::public.enterprise, '{"id":2,"region_code":"3202","uscc":null,"name":"惠山样例器械有限公司","name_en":null,"aliases":[],"address":null,"founded_on":null,"registered_capital_yuan":null,"industry_code":"3581","business_scope":null,"products":[],"tags":[],"park_id":2,"source":"fixture","status":"active","is_demo":false,"created_at":"2026-12-03T07:45:30.203+00:00","updated_at":"2026-12-03T07:45:30.203+00:00","name_key":"样例器械","match_keys":["3202:样例器械"],"provenance":{}}');
insert into public.enterprise select * from json_populate_record(null::public.enterprise, '{"id":3,"region_code":"3202","uscc":null,"name":"已注销样例公司","name_en":null,"aliases":[],"address":null,"founded_on":null,"registered_capital_yuan":null,"industry_code":null,"business_scope":null,"products":[],"tags":[],"park_id":null,"source":"fixture","status":"closed","is_demo":false,"created_at":"2026-12-03T07:45:30.203+00:00","updated_at":"2026-12-03T07:45:30.203+00:00","name_key":"已注销样例","match_keys":[],"provenance":{}}');
insert into public.classification select * from json_populate_record(null::public.classification, '{"enterprise_id":1,"node_id":2,"region_code":"320214","score":0.92,"decision":"accepted","is_primary":true,"evidence":{"keywords": ["原料药"]},"method":"rules","reviewer_id":null,"decided_at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.classification select * from json_populate_record(null::public.classification, '{"enterprise_id":2,"node_id":3,"region_code":"3202","score":0.41,"decision":"review","is_primary":false,"evidence":{},"method":"rules","reviewer_id":null,"decided_at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.duplicate_candidate select * from json_populate_record(null::public.duplicate_candidate, '{"id":1,"enterprise_id":1,"other_id":2,"score":0.61,"reasons":["name"],"status":"open","import_id":null,"created_at":"2026-12-03T07:45:30.203+00:00","decided_at":null,"decided_by":null,"other_name":"惠山样例器械有限公司"}');
insert into public.enterprise_year select * from json_populate_record(null::public.enterprise_year, '{"enterprise_id":1,"region_code":"320214","year":2023,"revenue_yuan":120000000.00,"output_yuan":110000000.00,"tax_yuan":6000000.00,"rd_spend_yuan":null,"exports_yuan":null,"employees":320}');
insert into public.enterprise_year select * from json_populate_record(null::public.enterprise_year, '{"enterprise_id":1,"region_code":"320214","year":2024,"revenue_yuan":150000000.00,"output_yuan":140000000.00,"tax_yuan":7000000.00,"rd_spend_yuan":null,"exports_yuan":null,"employees":350}');
insert into public.enterprise_year select * from json_populate_record(null::public.enterprise_year, '{"enterprise_id":2,"region_code":"3202","year":2024,"revenue_yuan":30000000.00,"output_yuan":28000000.00,"tax_yuan":900000.00,"rd_spend_yuan":null,"exports_yuan":null,"employees":60}');
insert into public.park_space select * from json_populate_record(null::public.park_space, '{"id":1,"park_id":1,"code":"A-101","building":"A","kind":"lab","floor":1,"area_m2":1200,"occupied_m2":200,"available_from":"2025-01-01","rent_yuan_per_m2_month":55,"reserved_m2":300}');
insert into public.park_space select * from json_populate_record(null::public.park_space, '{"id":2,"park_id":1,"code":"B-201","building":"B","kind":"plant","floor":2,"area_m2":5000,"occupied_m2":0,"available_from":null,"rent_yuan_per_m2_month":30,"reserved_m2":0}');
insert into public.project select * from json_populate_record(null::public.project, '{"id":1,"chain_id":1,"node_id":2,"region_code":"320214","enterprise_id":1,"name":"样例原料药扩产项目","investor":"样例投资","stage":"negotiating","status":"active","drop_reason":null,"investment_yuan":800000000.00,"capital_in_place_yuan":0.00,"expected_output_yuan":1200000000.00,"output_start_year":2027,"space_need":{"kind": "lab", "areaM2": 300},"space_needed_from":null,"park_id":1,"owner_id":2,"next_action":"再次洽谈","next_action_on":"2025-03-01","notes":null,"stage_changed_at":"2026-12-03T07:45:30.203+00:00","is_demo":false,"created_at":"2026-12-03T07:45:30.203+00:00","updated_at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.project select * from json_populate_record(null::public.project, '{"id":2,"chain_id":1,"node_id":3,"region_code":"3202","enterprise_id":null,"name":"样例器械新项目","investor":null,"stage":"lead","status":"dropped","drop_reason":null,"investment_yuan":null,"capital_in_place_yuan":0.00,"expected_output_yuan":null,"output_start_year":null,"space_need":{},"space_needed_from":null,"park_id":null,"owner_id":null,"next_action":null,"next_action_on":null,"notes":"投资方撤回","stage_changed_at":"2026-12-03T07:45:30.203+00:00","is_demo":false,"created_at":"2026-12-03T07:45:30.203+00:00","updated_at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.project_attachment select * from json_populate_record(null::public.project_attachment, E'{"id":1,"project_id":1,"file_name":"洽谈纪要.txt","content_type":"text/plain","size_bytes":5,"sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824","content":"\\\\x68656c6c6f","uploaded_by":"fx-analyst","uploaded_at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.project_stage_event select * from json_populate_record(null::public.project_stage_event, '{"id":1,"project_id":1,"kind":"stage","from_stage":"lead","to_stage":"negotiating","reason":null,"amount_yuan":null,"actor_id":2,"actor_name":"fx-analyst","at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.project_stage_event select * from json_populate_record(null::public.project_stage_event, '{"id":2,"project_id":2,"kind":"status","from_stage":"lead","to_stage":"lead","reason":"投资方撤回","amount_yuan":null,"actor_id":2,"actor_name":"fx-analyst","at":"2026-12-03T07:45:30.203+00:00"}');
insert into public.region select * from json_populate_record(null::public.region, '{"code":"32","name":"江苏省","level":"province","parent_code":null}');
insert into public.region select * from json_populate_record(null::public.region, '{"code":"3202","name":"无锡市","level":"city","parent_code":"32"}');
insert into public.region select * from json_populate_record(null::public.region, '{"code":"320214","name":"新吴区","level":"county","parent_code":"3202"}');
insert into public.region_stat select * from json_populate_record(null::public.region_stat, '{"region_code":"3202","region_name":"无锡市","scheme":"GB/T 4754-2017","industry_code":"27","industry_name":"医药制造业","industry_type":"division","year":2023,"employment":52000,"establishments":310,"payroll":7500000000,"output":110000000000}');
insert into public.region_stat select * from json_populate_record(null::public.region_stat, '{"region_code":"3202","region_name":"无锡市","scheme":"GB/T 4754-2017","industry_code":"27","industry_name":"医药制造业","industry_type":"division","year":2024,"employment":54000,"establishments":322,"payroll":8100000000,"output":120000000000}');
insert into public.space_reservation select * from json_populate_record(null::public.space_reservation, '{"id":1,"project_id":1,"space_id":1,"park_id":1,"kind":"lab","area_m2":300,"status":"reserved","note":"样例预留","reserved_by":"fx-park","reserved_at":"2026-12-03T07:45:30.203+00:00","released_by":null,"released_at":null,"is_demo":false}');
insert into public.target select * from json_populate_record(null::public.target, '{"id":1,"chain_id":1,"node_id":null,"region_code":"3202","metric":"output","year":2025,"value":250000000000,"is_demo":false}');
insert into public.target select * from json_populate_record(null::public.target, '{"id":2,"chain_id":1,"node_id":2,"region_code":"3202","metric":"output","year":2025,"value":50000000000,"is_demo":false}');
select setval('app_user_id_seq', 3, true);
select setval('audit_log_id_seq', 1, true);
select setval('chain_flow_id_seq', 1, true);
select setval('chain_id_seq', 1, true);
select setval('chain_node_id_seq', 3, true);
select setval('drizzle.__drizzle_migrations_id_seq', 6, true);
select setval('duplicate_candidate_id_seq', 1, true);
select setval('enterprise_id_seq', 3, true);
select setval('import_batch_id_seq', 1, true);
select setval('park_id_seq', 2, true);
select setval('park_space_id_seq', 2, true);
select setval('project_attachment_id_seq', 1, true);
select setval('project_id_seq', 2, true);
select setval('project_stage_event_id_seq', 2, true);
select setval('space_reservation_id_seq', 1, true);
select setval('target_id_seq', 2, true);
