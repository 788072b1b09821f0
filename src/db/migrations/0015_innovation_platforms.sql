CREATE TABLE "innovation_platform" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"host_name" text,
	"host_enterprise_id" bigint,
	"region_code" text NOT NULL,
	"park_id" integer,
	"description" text,
	"created_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "innovation_platform_kind_check" CHECK ("innovation_platform"."kind" in ('innovation_centre', 'public_service', 'key_lab', 'engineering_centre', 'incubator', 'other')),
	CONSTRAINT "innovation_platform_level_check" CHECK ("innovation_platform"."level" in ('national', 'provincial', 'municipal', 'district'))
);
--> statement-breakpoint
CREATE TABLE "platform_node" (
	"platform_id" integer NOT NULL,
	"node_id" integer NOT NULL,
	CONSTRAINT "platform_node_platform_id_node_id_pk" PRIMARY KEY("platform_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "platform_target" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"metric" text NOT NULL,
	"target" numeric(20, 2) NOT NULL,
	"actual" numeric(20, 2),
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_target_metric_check" CHECK ("platform_target"."metric" in ('firms_served', 'projects_incubated', 'rd_spend_yuan', 'patents_filed', 'services_delivered')),
	CONSTRAINT "platform_target_values_check" CHECK ("platform_target"."target" >= 0 and ("platform_target"."actual" is null or "platform_target"."actual" >= 0))
);
--> statement-breakpoint
CREATE TABLE "platform_user" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform_id" integer NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"since" date,
	"service" text,
	"note" text,
	"recorded_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "innovation_platform" ADD CONSTRAINT "innovation_platform_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_platform" ADD CONSTRAINT "innovation_platform_host_enterprise_id_enterprise_id_fk" FOREIGN KEY ("host_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_platform" ADD CONSTRAINT "innovation_platform_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_node" ADD CONSTRAINT "platform_node_platform_id_innovation_platform_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."innovation_platform"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_node" ADD CONSTRAINT "platform_node_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_target" ADD CONSTRAINT "platform_target_platform_id_innovation_platform_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."innovation_platform"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_user" ADD CONSTRAINT "platform_user_platform_id_innovation_platform_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."innovation_platform"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_user" ADD CONSTRAINT "platform_user_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "innovation_platform_name_idx" ON "innovation_platform" USING btree ("chain_id","name");--> statement-breakpoint
CREATE INDEX "innovation_platform_park_idx" ON "innovation_platform" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "platform_node_node_idx" ON "platform_node" USING btree ("node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_target_metric_idx" ON "platform_target" USING btree ("platform_id","year","metric");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_user_pair_idx" ON "platform_user" USING btree ("platform_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "platform_user_enterprise_idx" ON "platform_user" USING btree ("enterprise_id");