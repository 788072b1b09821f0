ALTER TABLE "duplicate_candidate" DROP CONSTRAINT "duplicate_candidate_other_id_enterprise_id_fk";
--> statement-breakpoint
ALTER TABLE "duplicate_candidate" ALTER COLUMN "other_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "duplicate_candidate" ADD COLUMN "other_name" text;--> statement-breakpoint
ALTER TABLE "duplicate_candidate" ADD CONSTRAINT "duplicate_candidate_other_id_enterprise_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."enterprise"("id") ON DELETE set null ON UPDATE no action;