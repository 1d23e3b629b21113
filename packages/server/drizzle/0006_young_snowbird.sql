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
CREATE INDEX "indicator_reported_div_idx" ON "indicator_reported" USING btree ("division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_reported_uq" ON "indicator_reported" USING btree ("indicator","division_code","team_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_uq" ON "indicator_targets" USING btree ("node","indicator","period");--> statement-breakpoint
CREATE INDEX "indicator_targets_parent_idx" ON "indicator_targets" USING btree ("parent_id");