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
--> statement-breakpoint
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
--> statement-breakpoint
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
--> statement-breakpoint
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
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "park_id" integer;--> statement-breakpoint
ALTER TABLE "park_space" ADD COLUMN "reserved_m2" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_attachment" ADD CONSTRAINT "project_attachment_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_event" ADD CONSTRAINT "project_stage_event_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_reservation" ADD CONSTRAINT "space_reservation_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_reservation" ADD CONSTRAINT "space_reservation_space_id_park_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."park_space"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_reservation" ADD CONSTRAINT "space_reservation_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_region_idx" ON "project" USING btree ("chain_id","region_code");--> statement-breakpoint
CREATE INDEX "project_enterprise_idx" ON "project" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "project_park_idx" ON "project" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "project_attachment_project_idx" ON "project_attachment" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_stage_event_project_idx" ON "project_stage_event" USING btree ("project_id","at");--> statement-breakpoint
CREATE INDEX "space_reservation_project_idx" ON "space_reservation" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "space_reservation_space_idx" ON "space_reservation" USING btree ("space_id","status");--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_space" ADD CONSTRAINT "park_space_allocation_check" CHECK ("park_space"."area_m2" > 0 and "park_space"."occupied_m2" >= 0 and "park_space"."reserved_m2" >= 0 and "park_space"."occupied_m2" + "park_space"."reserved_m2" <= "park_space"."area_m2");