CREATE TABLE "funds_allocations" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"kind" text NOT NULL,
	"payer_division_code" text NOT NULL,
	"division_code" text NOT NULL,
	"programme_id" integer,
	"team_id" integer,
	"budget_year" integer NOT NULL,
	"doc_no" text NOT NULL,
	"allocated_on" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funds_allocations_amount_ck" CHECK ("funds_allocations"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funds_beneficiaries" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"name" text NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"mechanism" text NOT NULL,
	"since" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funds_flows" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"type" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"voucher_no" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funds_flows_amount_ck" CHECK ("funds_flows"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "funds_project_budgets" (
	"project_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	CONSTRAINT "funds_project_budgets_ck" CHECK ("funds_project_budgets"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funds_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'reserve' NOT NULL,
	"programme_id" integer,
	"team_id" integer,
	"division_code" text NOT NULL,
	"implementing_unit" text,
	"planned_start" date,
	"planned_finish" date,
	"reserved_on" date NOT NULL,
	"approved_on" date,
	"started_on" date,
	"completed_on" date,
	"accepted_on" date,
	"handed_over_on" date,
	"jobs_created" integer,
	"asset_type" text,
	"asset_value" numeric(18, 2),
	"asset_owner" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funds_projects_plan_ck" CHECK ("funds_projects"."planned_finish" is null or "funds_projects"."planned_start" is null or "funds_projects"."planned_finish" >= "funds_projects"."planned_start")
);
--> statement-breakpoint
ALTER TABLE "funds_allocations" ADD CONSTRAINT "funds_allocations_parent_id_funds_allocations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."funds_allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds_allocations" ADD CONSTRAINT "funds_allocations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds_beneficiaries" ADD CONSTRAINT "funds_beneficiaries_project_id_funds_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."funds_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds_flows" ADD CONSTRAINT "funds_flows_project_id_funds_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."funds_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds_project_budgets" ADD CONSTRAINT "funds_project_budgets_project_id_funds_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."funds_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds_projects" ADD CONSTRAINT "funds_projects_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funds_allocations_doc_uq" ON "funds_allocations" USING btree ("doc_no","division_code","kind");--> statement-breakpoint
CREATE INDEX "funds_allocations_division_idx" ON "funds_allocations" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "funds_allocations_payer_idx" ON "funds_allocations" USING btree ("payer_division_code");--> statement-breakpoint
CREATE INDEX "funds_allocations_parent_idx" ON "funds_allocations" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funds_beneficiaries_uq" ON "funds_beneficiaries" USING btree ("project_id","id_hash");--> statement-breakpoint
CREATE INDEX "funds_beneficiaries_hash_idx" ON "funds_beneficiaries" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "funds_flows_project_idx" ON "funds_flows" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funds_project_budgets_uq" ON "funds_project_budgets" USING btree ("project_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "funds_projects_code_uq" ON "funds_projects" USING btree ("code");--> statement-breakpoint
CREATE INDEX "funds_projects_division_idx" ON "funds_projects" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "funds_projects_team_idx" ON "funds_projects" USING btree ("team_id");