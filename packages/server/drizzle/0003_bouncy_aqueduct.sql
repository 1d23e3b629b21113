CREATE TABLE "division_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"codes" text[] NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "division_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"valid_from" date,
	"valid_to" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"programme_id" integer,
	"helper_division_code" text NOT NULL,
	"helper_unit_id" integer,
	"helped_division_code" text NOT NULL,
	"helped_unit_id" integer,
	"start_date" date NOT NULL,
	"end_date" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_phases" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"focus" text
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"division_code" text NOT NULL,
	"credit_code" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadres" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"phone" text,
	"id_number_cipher" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"kind" text NOT NULL,
	"sending_unit" text NOT NULL,
	"sending_unit_id" integer,
	"local_post" text,
	"team_id" integer,
	"division_code" text NOT NULL,
	"dispatch_start" date NOT NULL,
	"dispatch_end" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadres_dispatch_ck" CHECK ("cadres"."dispatch_end" is null or "cadres"."dispatch_end" >= "cadres"."dispatch_start")
);
--> statement-breakpoint
CREATE TABLE "talent_exchanges" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"person_times" integer NOT NULL,
	"from_division_code" text NOT NULL,
	"to_division_code" text NOT NULL,
	"programme_id" integer,
	"team_id" integer,
	"start_date" date NOT NULL,
	"end_date" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_exchanges_positive_ck" CHECK ("talent_exchanges"."person_times" > 0)
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"cadre_id" integer NOT NULL,
	"role" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_dates_ck" CHECK ("team_members"."end_date" is null or "team_members"."end_date" >= "team_members"."start_date")
);
--> statement-breakpoint
CREATE TABLE "team_units" (
	"team_id" integer NOT NULL,
	"unit_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "divisions" ADD COLUMN "since" date;--> statement-breakpoint
ALTER TABLE "divisions" ADD COLUMN "abolished_on" date;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "programme_id" integer;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "lead_unit_id" integer;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "end_date" date;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "division_versions" ADD CONSTRAINT "division_versions_code_divisions_code_fk" FOREIGN KEY ("code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_helper_unit_id_units_id_fk" FOREIGN KEY ("helper_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_helped_unit_id_units_id_fk" FOREIGN KEY ("helped_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_phases" ADD CONSTRAINT "programme_phases_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_sending_unit_id_units_id_fk" FOREIGN KEY ("sending_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_exchanges" ADD CONSTRAINT "talent_exchanges_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_exchanges" ADD CONSTRAINT "talent_exchanges_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_units" ADD CONSTRAINT "team_units_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_units" ADD CONSTRAINT "team_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "division_versions_code_idx" ON "division_versions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "division_versions_parent_idx" ON "division_versions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "pairings_helper_div_idx" ON "pairings" USING btree ("helper_division_code");--> statement-breakpoint
CREATE INDEX "pairings_helped_div_idx" ON "pairings" USING btree ("helped_division_code");--> statement-breakpoint
CREATE INDEX "pairings_helper_unit_idx" ON "pairings" USING btree ("helper_unit_id");--> statement-breakpoint
CREATE INDEX "pairings_helped_unit_idx" ON "pairings" USING btree ("helped_unit_id");--> statement-breakpoint
CREATE INDEX "pairings_programme_idx" ON "pairings" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_phases_seq_uq" ON "programme_phases" USING btree ("programme_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "units_credit_code_uq" ON "units" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "units_division_idx" ON "units" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "units_name_trgm" ON "units" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "cadres_id_number_hash_uq" ON "cadres" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "cadres_team_idx" ON "cadres" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "cadres_division_idx" ON "cadres" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "talent_exchanges_from_idx" ON "talent_exchanges" USING btree ("from_division_code");--> statement-breakpoint
CREATE INDEX "talent_exchanges_to_idx" ON "talent_exchanges" USING btree ("to_division_code");--> statement-breakpoint
CREATE INDEX "talent_exchanges_start_idx" ON "talent_exchanges" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "team_members_team_idx" ON "team_members" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "team_members_cadre_idx" ON "team_members" USING btree ("cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_members_round_uq" ON "team_members" USING btree ("team_id","cadre_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "team_units_uq" ON "team_units" USING btree ("team_id","unit_id");--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "teams_division_idx" ON "teams" USING btree ("division_code");