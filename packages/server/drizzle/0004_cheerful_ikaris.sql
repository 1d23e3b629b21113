CREATE TABLE "monitoring_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"step_id" integer,
	"visit_id" integer,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_households" (
	"id" serial PRIMARY KEY NOT NULL,
	"division_code" text NOT NULL,
	"head_name" text NOT NULL,
	"entry_door" text NOT NULL,
	"category" text NOT NULL,
	"is_lifted" boolean DEFAULT false NOT NULL,
	"dibao" boolean DEFAULT false NOT NULL,
	"tekun" boolean DEFAULT false NOT NULL,
	"income_per_head" numeric(18, 2),
	"income_year" integer,
	"address" text,
	"phone" text,
	"note" text,
	"status" text NOT NULL,
	"stage" text,
	"procedure_started_on" date,
	"stage_entered_at" timestamp with time zone,
	"notice_from" date,
	"notice_to" date,
	"identified_on" date,
	"eliminated_on" date,
	"last_visit_on" date,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "monitoring_measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"provider_team_id" integer,
	"provider_unit_id" integer,
	"amount" numeric(18, 2),
	"start_on" date NOT NULL,
	"end_on" date,
	"last_follow_up_on" date,
	"follow_up_note" text
);
--> statement-breakpoint
CREATE TABLE "monitoring_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"health_cipher" text NOT NULL,
	"schooling" text NOT NULL,
	"work" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"left_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_risks" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"identified_on" date NOT NULL,
	"closed_on" date,
	"close_note" text
);
--> statement-breakpoint
CREATE TABLE "monitoring_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"procedure" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"from_stage" text,
	"to_status" text NOT NULL,
	"to_stage" text,
	"actor_id" integer,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"comment" text,
	"stage_work_days" integer,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "monitoring_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"visited_on" date NOT NULL,
	"visitors" text NOT NULL,
	"findings" text NOT NULL,
	"income_per_head" numeric(18, 2),
	"income_year" integer,
	"risk_changes" jsonb,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_attachments" ADD CONSTRAINT "monitoring_attachments_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_attachments" ADD CONSTRAINT "monitoring_attachments_step_id_monitoring_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."monitoring_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_measures" ADD CONSTRAINT "monitoring_measures_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_members" ADD CONSTRAINT "monitoring_members_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_risks" ADD CONSTRAINT "monitoring_risks_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_steps" ADD CONSTRAINT "monitoring_steps_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_visits" ADD CONSTRAINT "monitoring_visits_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_attachments_household_idx" ON "monitoring_attachments" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "monitoring_households_division_idx" ON "monitoring_households" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "monitoring_households_status_idx" ON "monitoring_households" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_lines_uq" ON "monitoring_lines" USING btree ("province_code","year");--> statement-breakpoint
CREATE INDEX "monitoring_measures_household_idx" ON "monitoring_measures" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "monitoring_members_household_idx" ON "monitoring_members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "monitoring_members_hash_idx" ON "monitoring_members" USING btree ("id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_members_active_person_uq" ON "monitoring_members" USING btree ("id_hash") WHERE "monitoring_members"."active";--> statement-breakpoint
CREATE INDEX "monitoring_risks_household_idx" ON "monitoring_risks" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "monitoring_steps_household_idx" ON "monitoring_steps" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "monitoring_visits_household_idx" ON "monitoring_visits" USING btree ("household_id","visited_on");