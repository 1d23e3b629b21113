CREATE TABLE "labour_class_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"class_id" integer NOT NULL,
	"name" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"graduated" boolean DEFAULT false NOT NULL,
	"employed" boolean DEFAULT false NOT NULL,
	"employer" text,
	"monthly_wage" numeric(18, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labour_class_members_employed_ck" CHECK (not "labour_class_members"."employed" or "labour_class_members"."graduated")
);
--> statement-breakpoint
CREATE TABLE "labour_employments" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"division_code" text NOT NULL,
	"team_id" integer,
	"employer" text NOT NULL,
	"work_division_code" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"monthly_wage" numeric(18, 2),
	"channel" text NOT NULL,
	"station" text,
	"brand" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labour_employments_dates_ck" CHECK ("labour_employments"."end_date" is null or "labour_employments"."end_date" >= "labour_employments"."start_date")
);
--> statement-breakpoint
CREATE TABLE "labour_order_classes" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"school" text NOT NULL,
	"enterprise" text NOT NULL,
	"major" text,
	"division_code" text NOT NULL,
	"team_id" integer,
	"cohort" integer NOT NULL,
	"graduation_date" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labour_roster" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"division_code" text NOT NULL,
	"household_head" text,
	"lifted_year" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labour_trainees" (
	"id" serial PRIMARY KEY NOT NULL,
	"training_id" integer NOT NULL,
	"name" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"certified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labour_trainings" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"organiser" text NOT NULL,
	"division_code" text NOT NULL,
	"team_id" integer,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labour_trainings_dates_ck" CHECK ("labour_trainings"."end_date" >= "labour_trainings"."start_date")
);
--> statement-breakpoint
DROP VIEW "public"."lifted_persons";--> statement-breakpoint
ALTER TABLE "labour_class_members" ADD CONSTRAINT "labour_class_members_class_id_labour_order_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."labour_order_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour_employments" ADD CONSTRAINT "labour_employments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour_order_classes" ADD CONSTRAINT "labour_order_classes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour_trainees" ADD CONSTRAINT "labour_trainees_training_id_labour_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."labour_trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour_trainings" ADD CONSTRAINT "labour_trainings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "labour_class_members_uq" ON "labour_class_members" USING btree ("class_id","id_hash");--> statement-breakpoint
CREATE INDEX "labour_class_members_hash_idx" ON "labour_class_members" USING btree ("id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "labour_employments_job_uq" ON "labour_employments" USING btree ("id_hash","employer","start_date");--> statement-breakpoint
CREATE INDEX "labour_employments_hash_idx" ON "labour_employments" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "labour_employments_division_idx" ON "labour_employments" USING btree ("division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "labour_order_classes_name_uq" ON "labour_order_classes" USING btree ("name","cohort");--> statement-breakpoint
CREATE INDEX "labour_order_classes_division_idx" ON "labour_order_classes" USING btree ("division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "labour_roster_hash_uq" ON "labour_roster" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "labour_roster_division_idx" ON "labour_roster" USING btree ("division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "labour_trainees_uq" ON "labour_trainees" USING btree ("training_id","id_hash");--> statement-breakpoint
CREATE INDEX "labour_trainees_hash_idx" ON "labour_trainees" USING btree ("id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "labour_trainings_uq" ON "labour_trainings" USING btree ("name","start_date","division_code");--> statement-breakpoint
CREATE INDEX "labour_trainings_division_idx" ON "labour_trainings" USING btree ("division_code");--> statement-breakpoint
CREATE VIEW "public"."lifted_persons" AS (select r.id_hash from labour_roster r
      union
      select m.id_hash from monitoring_members m join monitoring_households h on h.id = m.household_id where h.is_lifted);