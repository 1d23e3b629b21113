CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text,
	"ip" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "password_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled" boolean DEFAULT false NOT NULL,
	"scope_all" boolean DEFAULT false NOT NULL,
	"scope_divisions" text[] DEFAULT '{}'::text[] NOT NULL,
	"scope_teams" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "ledger_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"ledger_key" text NOT NULL,
	"user_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"status" text NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"valid" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"to_insert" integer DEFAULT 0 NOT NULL,
	"to_update" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"problem_count" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" jsonb,
	"mode" text,
	"inserted" integer,
	"updated" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
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
CREATE TABLE "divisions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"since" date,
	"abolished_on" date
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
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"division_code" text NOT NULL,
	"programme_id" integer,
	"lead_unit_id" integer,
	"start_date" date,
	"end_date" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "indicator_dirty" (
	"source" text NOT NULL,
	"slice" text NOT NULL,
	"year" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_dirty_source_slice_year_pk" PRIMARY KEY("source","slice","year")
);
--> statement-breakpoint
CREATE TABLE "indicator_leaves" (
	"indicator" text NOT NULL,
	"breakdown" text DEFAULT '' NOT NULL,
	"period" text NOT NULL,
	"slice" text NOT NULL,
	"team_id" integer DEFAULT 0 NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "indicator_leaves_slice_period_indicator_breakdown_team_id_pk" PRIMARY KEY("slice","period","indicator","breakdown","team_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_reported" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator" text NOT NULL,
	"division_code" text NOT NULL,
	"team_id" integer,
	"day" date NOT NULL,
	"value" double precision NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_rollups" (
	"node" text NOT NULL,
	"period" text NOT NULL,
	"indicator" text NOT NULL,
	"breakdown" text DEFAULT '' NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "indicator_rollups_node_period_indicator_breakdown_pk" PRIMARY KEY("node","period","indicator","breakdown")
);
--> statement-breakpoint
CREATE TABLE "indicator_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"node" text NOT NULL,
	"division_code" text,
	"team_id" integer,
	"indicator" text NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"parent_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"node" text NOT NULL,
	"period" text NOT NULL,
	"format" text NOT NULL,
	"lang" text DEFAULT 'zh-CN' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"file_name" text,
	"file" "bytea",
	"error" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "teams" ADD CONSTRAINT "teams_parent_id_teams_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_attachments" ADD CONSTRAINT "monitoring_attachments_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_attachments" ADD CONSTRAINT "monitoring_attachments_step_id_monitoring_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."monitoring_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_measures" ADD CONSTRAINT "monitoring_measures_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_members" ADD CONSTRAINT "monitoring_members_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_risks" ADD CONSTRAINT "monitoring_risks_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_steps" ADD CONSTRAINT "monitoring_steps_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_visits" ADD CONSTRAINT "monitoring_visits_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ledger_imports_user_idx" ON "ledger_imports" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "division_versions_code_idx" ON "division_versions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "division_versions_parent_idx" ON "division_versions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "divisions_parent_idx" ON "divisions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "divisions_name_trgm" ON "divisions" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
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
CREATE INDEX "teams_parent_idx" ON "teams" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "teams_division_idx" ON "teams" USING btree ("division_code");--> statement-breakpoint
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
CREATE INDEX "monitoring_visits_household_idx" ON "monitoring_visits" USING btree ("household_id","visited_on");--> statement-breakpoint
CREATE INDEX "indicator_leaves_team_idx" ON "indicator_leaves" USING btree ("team_id","period");--> statement-breakpoint
CREATE INDEX "indicator_reported_div_idx" ON "indicator_reported" USING btree ("division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_reported_uq" ON "indicator_reported" USING btree ("indicator","division_code","team_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_uq" ON "indicator_targets" USING btree ("node","indicator","period");--> statement-breakpoint
CREATE INDEX "indicator_targets_parent_idx" ON "indicator_targets" USING btree ("parent_id");