CREATE TABLE "labour_brands" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"division_code" text NOT NULL,
	"team_id" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labour_stations" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"division_code" text NOT NULL,
	"served_codes" text[] NOT NULL,
	"team_id" integer,
	"established_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "labour_trainings" ADD COLUMN "brand" text;--> statement-breakpoint
ALTER TABLE "labour_brands" ADD CONSTRAINT "labour_brands_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour_stations" ADD CONSTRAINT "labour_stations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "labour_brands_name_uq" ON "labour_brands" USING btree ("name");--> statement-breakpoint
CREATE INDEX "labour_brands_division_idx" ON "labour_brands" USING btree ("division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "labour_stations_name_uq" ON "labour_stations" USING btree ("name");--> statement-breakpoint
CREATE INDEX "labour_stations_division_idx" ON "labour_stations" USING btree ("division_code");