CREATE TABLE "calendar_day" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	CONSTRAINT "calendar_day_kind_check" CHECK ("calendar_day"."kind" in ('holiday', 'workday'))
);
--> statement-breakpoint
CREATE TABLE "calendar_year" (
	"year" smallint PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"region_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "department_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"problem_id" integer,
	"supervision_item_id" integer,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "problem" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"chain_id" integer NOT NULL,
	"node_id" integer,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"channel" text NOT NULL,
	"category_code" text NOT NULL,
	"department_id" integer,
	"assignee_name" text,
	"contact_name" text,
	"contact_phone" text,
	"stage" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"clock_starts_on" date NOT NULL,
	"sla_working_days" smallint NOT NULL,
	"extension_working_days" smallint DEFAULT 0 NOT NULL,
	"suspended_working_days" smallint DEFAULT 0 NOT NULL,
	"suspended_at" timestamp with time zone,
	"due_on" date NOT NULL,
	"due_beyond_calendar" boolean DEFAULT false NOT NULL,
	"pending_extension_days" smallint,
	"pending_extension_reason" text,
	"answer" text,
	"return_reason" text,
	"closed_at" timestamp with time zone,
	"first_closed_at" timestamp with time zone,
	"first_closed_on_time" boolean,
	"reopen_count" smallint DEFAULT 0 NOT NULL,
	"satisfaction" text,
	"satisfaction_comment" text,
	"shared_problem_id" integer,
	"raised_by_user_id" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_reference_unique" UNIQUE("reference"),
	CONSTRAINT "problem_stage_check" CHECK ("problem"."stage" in ('submitted', 'accepted', 'assigned', 'in_progress', 'suspended', 'answered', 'closed', 'returned')),
	CONSTRAINT "problem_satisfaction_check" CHECK ("problem"."satisfaction" is null or "problem"."satisfaction" in ('satisfied', 'basically_satisfied', 'dissatisfied'))
);
--> statement-breakpoint
CREATE TABLE "problem_attachment" (
	"id" serial PRIMARY KEY NOT NULL,
	"problem_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_category" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sla_working_days" smallint NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "problem_category_sla_check" CHECK ("problem_category"."sla_working_days" between 1 and 250)
);
--> statement-breakpoint
CREATE TABLE "problem_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"problem_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"note" text,
	"satisfaction" text,
	"working_days" smallint,
	"department_id" integer,
	"due_on" date,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_problem" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"node_id" integer,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"escalated_at" timestamp with time zone,
	"escalated_by" text,
	"created_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_leadership" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer,
	"region_code" text NOT NULL,
	"leader_name" text NOT NULL,
	"leader_title" text,
	"office_name" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leader_activity" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"people" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text,
	"created_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leader_activity_kind_check" CHECK ("leader_activity"."kind" in ('visit', 'chain_meeting', 'coordination_meeting', 'decision'))
);
--> statement-breakpoint
CREATE TABLE "leader_activity_enterprise" (
	"activity_id" integer NOT NULL,
	"enterprise_id" bigint NOT NULL,
	CONSTRAINT "leader_activity_enterprise_activity_id_enterprise_id_pk" PRIMARY KEY("activity_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "leader_activity_node" (
	"activity_id" integer NOT NULL,
	"node_id" integer NOT NULL,
	CONSTRAINT "leader_activity_node_activity_id_node_id_pk" PRIMARY KEY("activity_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"detail" text,
	"owner_department_id" integer,
	"deadline" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"activity_id" integer,
	"shared_problem_id" integer,
	"problem_id" integer,
	"assigned_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_item_state_check" CHECK ("supervision_item"."state" in ('open', 'done'))
);
--> statement-breakpoint
CREATE TABLE "supervision_note" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"note" text NOT NULL,
	"author_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "department_id" integer;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "enterprise_id" bigint;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "chain_codes" text[];--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_problem_id_problem_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problem"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem" ADD CONSTRAINT "problem_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem" ADD CONSTRAINT "problem_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem" ADD CONSTRAINT "problem_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem" ADD CONSTRAINT "problem_category_code_problem_category_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."problem_category"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem" ADD CONSTRAINT "problem_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem" ADD CONSTRAINT "problem_shared_problem_id_shared_problem_id_fk" FOREIGN KEY ("shared_problem_id") REFERENCES "public"."shared_problem"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_attachment" ADD CONSTRAINT "problem_attachment_problem_id_problem_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problem"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_event" ADD CONSTRAINT "problem_event_problem_id_problem_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problem"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_problem" ADD CONSTRAINT "shared_problem_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_problem" ADD CONSTRAINT "shared_problem_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_leadership" ADD CONSTRAINT "chain_leadership_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_activity" ADD CONSTRAINT "leader_activity_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_activity_enterprise" ADD CONSTRAINT "leader_activity_enterprise_activity_id_leader_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."leader_activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_activity_enterprise" ADD CONSTRAINT "leader_activity_enterprise_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_activity_node" ADD CONSTRAINT "leader_activity_node_activity_id_leader_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."leader_activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_activity_node" ADD CONSTRAINT "leader_activity_node_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_item" ADD CONSTRAINT "supervision_item_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_item" ADD CONSTRAINT "supervision_item_owner_department_id_department_id_fk" FOREIGN KEY ("owner_department_id") REFERENCES "public"."department"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_item" ADD CONSTRAINT "supervision_item_activity_id_leader_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."leader_activity"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_item" ADD CONSTRAINT "supervision_item_shared_problem_id_shared_problem_id_fk" FOREIGN KEY ("shared_problem_id") REFERENCES "public"."shared_problem"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_item" ADD CONSTRAINT "supervision_item_problem_id_problem_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problem"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_note" ADD CONSTRAINT "supervision_note_item_id_supervision_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supervision_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_dedupe_idx" ON "notification" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "problem_chain_idx" ON "problem" USING btree ("chain_id","region_code");--> statement-breakpoint
CREATE INDEX "problem_enterprise_idx" ON "problem" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "problem_department_idx" ON "problem" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "problem_stage_idx" ON "problem" USING btree ("stage","due_on");--> statement-breakpoint
CREATE INDEX "problem_received_idx" ON "problem" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "problem_attachment_problem_idx" ON "problem_attachment" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problem_event_problem_idx" ON "problem_event" USING btree ("problem_id","at");--> statement-breakpoint
CREATE INDEX "problem_event_action_idx" ON "problem_event" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "shared_problem_chain_idx" ON "shared_problem" USING btree ("chain_id","region_code");--> statement-breakpoint
CREATE INDEX "chain_leadership_idx" ON "chain_leadership" USING btree ("region_code","chain_id");--> statement-breakpoint
CREATE INDEX "leader_activity_chain_idx" ON "leader_activity" USING btree ("chain_id","region_code","held_on");--> statement-breakpoint
CREATE INDEX "leader_activity_enterprise_idx" ON "leader_activity_enterprise" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "supervision_item_chain_idx" ON "supervision_item" USING btree ("chain_id","region_code","deadline");--> statement-breakpoint
CREATE INDEX "supervision_item_department_idx" ON "supervision_item" USING btree ("owner_department_id");--> statement-breakpoint
CREATE INDEX "supervision_note_item_idx" ON "supervision_note" USING btree ("item_id","at");--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE set null ON UPDATE no action;