CREATE TABLE "region_boundary" (
	"region_code" text PRIMARY KEY NOT NULL,
	"geojson" jsonb NOT NULL,
	"feature_count" integer NOT NULL,
	"file_name" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "region_boundary" ADD CONSTRAINT "region_boundary_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;