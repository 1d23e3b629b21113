ALTER TABLE "funds_allocations" ADD COLUMN "pairing_id" integer;--> statement-breakpoint
ALTER TABLE "funds_projects" ADD COLUMN "pairing_id" integer;--> statement-breakpoint
ALTER TABLE "funds_projects" ADD COLUMN "village_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "funds_allocations" ADD CONSTRAINT "funds_allocations_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds_projects" ADD CONSTRAINT "funds_projects_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;