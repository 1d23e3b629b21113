CREATE TABLE "industry_enterprises" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"origin_division_code" text NOT NULL,
	"division_code" text NOT NULL,
	"park_id" integer,
	"industry" text,
	"programme_id" integer,
	"team_id" integer,
	"status" text NOT NULL,
	"introduced_on" date NOT NULL,
	"exited_on" date,
	"contact" text,
	"phone" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "industry_enterprises_exit_ck" CHECK ("industry_enterprises"."exited_on" is null or "industry_enterprises"."exited_on" >= "industry_enterprises"."introduced_on")
);
--> statement-breakpoint
CREATE TABLE "industry_headcounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"reported_on" date NOT NULL,
	"jobs" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "industry_headcounts_ck" CHECK ("industry_headcounts"."jobs" >= 0)
);
--> statement-breakpoint
CREATE TABLE "industry_investments" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"day" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "industry_investments_positive_ck" CHECK ("industry_investments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "industry_parks" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"division_code" text NOT NULL,
	"helper_division_code" text NOT NULL,
	"team_id" integer,
	"programme_id" integer,
	"area_mu" double precision,
	"output_value" numeric(18, 2),
	"established_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_workers" (
	"id" serial PRIMARY KEY NOT NULL,
	"workshop_id" integer,
	"enterprise_id" integer,
	"name" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"home_division_code" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "industry_workers_place_ck" CHECK (("industry_workers"."workshop_id" is null) <> ("industry_workers"."enterprise_id" is null)),
	CONSTRAINT "industry_workers_dates_ck" CHECK ("industry_workers"."end_date" is null or "industry_workers"."end_date" >= "industry_workers"."start_date")
);
--> statement-breakpoint
CREATE TABLE "industry_workshops" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"enterprise_id" integer,
	"operator_name" text,
	"division_code" text NOT NULL,
	"team_id" integer,
	"recognized_on" date NOT NULL,
	"recognition_doc" text,
	"status" text NOT NULL,
	"stopped_on" date,
	"subsidy" numeric(18, 2),
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "industry_workshops_stop_ck" CHECK ("industry_workshops"."stopped_on" is null or "industry_workshops"."stopped_on" >= "industry_workshops"."recognized_on")
);
--> statement-breakpoint
ALTER TABLE "industry_enterprises" ADD CONSTRAINT "industry_enterprises_park_id_industry_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."industry_parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_enterprises" ADD CONSTRAINT "industry_enterprises_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_headcounts" ADD CONSTRAINT "industry_headcounts_enterprise_id_industry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."industry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_investments" ADD CONSTRAINT "industry_investments_enterprise_id_industry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."industry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_parks" ADD CONSTRAINT "industry_parks_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_workers" ADD CONSTRAINT "industry_workers_workshop_id_industry_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."industry_workshops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_workers" ADD CONSTRAINT "industry_workers_enterprise_id_industry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."industry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_workshops" ADD CONSTRAINT "industry_workshops_enterprise_id_industry_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."industry_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "industry_enterprises_credit_code_uq" ON "industry_enterprises" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "industry_enterprises_division_idx" ON "industry_enterprises" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "industry_enterprises_origin_idx" ON "industry_enterprises" USING btree ("origin_division_code");--> statement-breakpoint
CREATE INDEX "industry_enterprises_park_idx" ON "industry_enterprises" USING btree ("park_id");--> statement-breakpoint
CREATE UNIQUE INDEX "industry_headcounts_uq" ON "industry_headcounts" USING btree ("enterprise_id","reported_on");--> statement-breakpoint
CREATE INDEX "industry_investments_enterprise_idx" ON "industry_investments" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "industry_investments_uq" ON "industry_investments" USING btree ("enterprise_id","kind","day");--> statement-breakpoint
CREATE INDEX "industry_parks_division_idx" ON "industry_parks" USING btree ("division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "industry_parks_name_uq" ON "industry_parks" USING btree ("name");--> statement-breakpoint
CREATE INDEX "industry_workers_workshop_idx" ON "industry_workers" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "industry_workers_enterprise_idx" ON "industry_workers" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "industry_workers_hash_idx" ON "industry_workers" USING btree ("id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "industry_workshops_name_uq" ON "industry_workshops" USING btree ("name","division_code");--> statement-breakpoint
CREATE INDEX "industry_workshops_division_idx" ON "industry_workshops" USING btree ("division_code");