CREATE TABLE "ecology_event" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"region_code" text,
	"note" text,
	"created_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ecology_event_kind_check" CHECK ("ecology_event"."kind" in ('matchmaking', 'roadshow', 'signing', 'other'))
);
--> statement-breakpoint
CREATE TABLE "event_outcome" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"kind" text NOT NULL,
	"need_match_id" integer,
	"project_id" integer,
	"description" text,
	"recorded_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_outcome_kind_check" CHECK ("event_outcome"."kind" in ('match', 'signed_project'))
);
--> statement-breakpoint
CREATE TABLE "event_participant" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"enterprise_id" bigint,
	"expert_id" integer,
	"role" text,
	CONSTRAINT "event_participant_target_check" CHECK (("event_participant"."enterprise_id" is null) <> ("event_participant"."expert_id" is null))
);
--> statement-breakpoint
CREATE TABLE "expert" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"name" text NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"institution" text,
	"title" text,
	"contact" text,
	"note" text,
	"created_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_advice" (
	"id" serial PRIMARY KEY NOT NULL,
	"expert_id" integer NOT NULL,
	"enterprise_id" bigint,
	"project_id" integer,
	"advised_on" date NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_advice_target_check" CHECK (("expert_advice"."enterprise_id" is null) <> ("expert_advice"."project_id" is null))
);
--> statement-breakpoint
CREATE TABLE "expert_node" (
	"expert_id" integer NOT NULL,
	"node_id" integer NOT NULL,
	CONSTRAINT "expert_node_expert_id_node_id_pk" PRIMARY KEY("expert_id","node_id")
);
--> statement-breakpoint
ALTER TABLE "ecology_event" ADD CONSTRAINT "ecology_event_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_outcome" ADD CONSTRAINT "event_outcome_event_id_ecology_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."ecology_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_outcome" ADD CONSTRAINT "event_outcome_need_match_id_need_match_id_fk" FOREIGN KEY ("need_match_id") REFERENCES "public"."need_match"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_outcome" ADD CONSTRAINT "event_outcome_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participant" ADD CONSTRAINT "event_participant_event_id_ecology_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."ecology_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participant" ADD CONSTRAINT "event_participant_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participant" ADD CONSTRAINT "event_participant_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert" ADD CONSTRAINT "expert_chain_id_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_advice" ADD CONSTRAINT "expert_advice_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_advice" ADD CONSTRAINT "expert_advice_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_advice" ADD CONSTRAINT "expert_advice_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_node" ADD CONSTRAINT "expert_node_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_node" ADD CONSTRAINT "expert_node_node_id_chain_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ecology_event_chain_idx" ON "ecology_event" USING btree ("chain_id","held_on");--> statement-breakpoint
CREATE INDEX "event_outcome_event_idx" ON "event_outcome" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_outcome_project_idx" ON "event_outcome" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "event_participant_event_idx" ON "event_participant" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "expert_chain_idx" ON "expert" USING btree ("chain_id");--> statement-breakpoint
CREATE INDEX "expert_advice_expert_idx" ON "expert_advice" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "expert_node_node_idx" ON "expert_node" USING btree ("node_id");