CREATE TABLE "assessment_agreement_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"target" double precision NOT NULL,
	"division_code" text
);
--> statement-breakpoint
CREATE TABLE "assessment_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"pairing_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"programme_kind" text NOT NULL,
	"helper_division_code" text NOT NULL,
	"helped_division_code" text NOT NULL,
	"helper_signed" jsonb,
	"helped_signed" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_cycles" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" integer NOT NULL,
	"name" text NOT NULL,
	"step" text DEFAULT 'self' NOT NULL,
	"recheck_share" double precision DEFAULT 0.1 NOT NULL,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_frameworks" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"programme" text NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"aspects" jsonb NOT NULL,
	"groups" jsonb NOT NULL,
	"cutoffs" jsonb NOT NULL,
	"locked_at" timestamp with time zone,
	"copied_from" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_parties" (
	"id" serial PRIMARY KEY NOT NULL,
	"cycle_id" integer NOT NULL,
	"node" text NOT NULL,
	"name" text NOT NULL,
	"group_key" text NOT NULL,
	"division_code" text,
	"team_id" integer,
	"locked" jsonb
);
--> statement-breakpoint
CREATE TABLE "assessment_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"party_id" integer NOT NULL,
	"item" text NOT NULL,
	"reviewer_id" integer,
	"reviewer" text NOT NULL,
	"points" double precision NOT NULL,
	"flag" boolean,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_samples" (
	"id" serial PRIMARY KEY NOT NULL,
	"party_id" integer NOT NULL,
	"item" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"record" text NOT NULL,
	"day" date,
	"qty" double precision NOT NULL,
	"verified" boolean
);
--> statement-breakpoint
CREATE TABLE "assessment_settlements" (
	"id" serial PRIMARY KEY NOT NULL,
	"party_id" integer NOT NULL,
	"item" text NOT NULL,
	"points" double precision NOT NULL,
	"reason" text NOT NULL,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"cycle_id" integer NOT NULL,
	"party_id" integer,
	"step" text NOT NULL,
	"done_on" date NOT NULL,
	"role" text NOT NULL,
	"by_name" text NOT NULL,
	"note" text,
	"snapshot" jsonb
);
--> statement-breakpoint
ALTER TABLE "assessment_agreement_targets" ADD CONSTRAINT "assessment_agreement_targets_agreement_id_assessment_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."assessment_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_cycles" ADD CONSTRAINT "assessment_cycles_framework_id_assessment_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."assessment_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_parties" ADD CONSTRAINT "assessment_parties_cycle_id_assessment_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_reviews" ADD CONSTRAINT "assessment_reviews_party_id_assessment_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."assessment_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_samples" ADD CONSTRAINT "assessment_samples_party_id_assessment_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."assessment_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_settlements" ADD CONSTRAINT "assessment_settlements_party_id_assessment_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."assessment_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_steps" ADD CONSTRAINT "assessment_steps_cycle_id_assessment_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_agreement_targets_agreement_idx" ON "assessment_agreement_targets" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_agreements_uq" ON "assessment_agreements" USING btree ("pairing_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_parties_uq" ON "assessment_parties" USING btree ("cycle_id","node");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_reviews_uq" ON "assessment_reviews" USING btree ("party_id","item","reviewer_id");--> statement-breakpoint
CREATE INDEX "assessment_samples_party_idx" ON "assessment_samples" USING btree ("party_id","item");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_settlements_uq" ON "assessment_settlements" USING btree ("party_id","item");--> statement-breakpoint
CREATE INDEX "assessment_steps_cycle_idx" ON "assessment_steps" USING btree ("cycle_id");