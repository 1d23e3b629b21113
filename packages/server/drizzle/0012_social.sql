CREATE TABLE "social_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"content" text NOT NULL,
	"owner_team_id" integer,
	"owner_name" text,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_note" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_donations" (
	"id" serial PRIMARY KEY NOT NULL,
	"donated_on" date NOT NULL,
	"donor_name" text NOT NULL,
	"donor_kind" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient_name" text NOT NULL,
	"division_code" text NOT NULL,
	"household_id" integer,
	"households" integer,
	"team_id" integer,
	"cash_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"goods_item" text,
	"goods_quantity" numeric(14, 2),
	"goods_unit" text,
	"goods_value" numeric(18, 2),
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_donations_something_ck" CHECK ("social_donations"."cash_amount" > 0 or "social_donations"."goods_quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "social_funds" (
	"id" serial PRIMARY KEY NOT NULL,
	"donor_name" text NOT NULL,
	"donor_kind" text NOT NULL,
	"purpose" text NOT NULL,
	"purpose_note" text,
	"division_code" text NOT NULL,
	"team_id" integer,
	"pledged_on" date NOT NULL,
	"pledged_amount" numeric(18, 2) NOT NULL,
	"received_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"received_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"held_on" date NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"place" text,
	"division_code" text NOT NULL,
	"team_id" integer,
	"helper_attendees" text,
	"helped_attendees" text,
	"topics" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_publicity" (
	"id" serial PRIMARY KEY NOT NULL,
	"published_on" date NOT NULL,
	"title" text NOT NULL,
	"medium" text NOT NULL,
	"media_level" text NOT NULL,
	"kind" text NOT NULL,
	"link" text,
	"division_code" text NOT NULL,
	"team_id" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"visitor_level" text NOT NULL,
	"visitors" text NOT NULL,
	"direction" text NOT NULL,
	"from_division_code" text NOT NULL,
	"division_code" text NOT NULL,
	"team_id" integer,
	"purpose" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_visits_dates_ck" CHECK ("social_visits"."ended_on" is null or "social_visits"."ended_on" >= "social_visits"."started_on")
);
--> statement-breakpoint
ALTER TABLE "social_decisions" ADD CONSTRAINT "social_decisions_meeting_id_social_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."social_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_donations" ADD CONSTRAINT "social_donations_household_id_monitoring_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."monitoring_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "social_decisions_meeting_idx" ON "social_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "social_decisions_owner_idx" ON "social_decisions" USING btree ("owner_team_id");--> statement-breakpoint
CREATE INDEX "social_donations_division_idx" ON "social_donations" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "social_donations_team_idx" ON "social_donations" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "social_donations_day_idx" ON "social_donations" USING btree ("donated_on");--> statement-breakpoint
CREATE INDEX "social_funds_division_idx" ON "social_funds" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "social_funds_team_idx" ON "social_funds" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "social_funds_day_idx" ON "social_funds" USING btree ("pledged_on");--> statement-breakpoint
CREATE INDEX "social_meetings_division_idx" ON "social_meetings" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "social_meetings_team_idx" ON "social_meetings" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "social_meetings_day_idx" ON "social_meetings" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "social_publicity_division_idx" ON "social_publicity" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "social_publicity_team_idx" ON "social_publicity" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "social_publicity_day_idx" ON "social_publicity" USING btree ("published_on");--> statement-breakpoint
CREATE INDEX "social_visits_division_idx" ON "social_visits" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "social_visits_team_idx" ON "social_visits" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "social_visits_day_idx" ON "social_visits" USING btree ("started_on");