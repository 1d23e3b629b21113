CREATE TABLE "talent_exchange_persons" (
	"id" serial PRIMARY KEY NOT NULL,
	"exchange_id" integer NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"field" text,
	"unit" text,
	"from_division_code" text NOT NULL,
	"to_division_code" text NOT NULL,
	"arrival_date" date NOT NULL,
	"departure_date" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_exchange_persons_stay_ck" CHECK ("talent_exchange_persons"."departure_date" >= "talent_exchange_persons"."arrival_date")
);
--> statement-breakpoint
ALTER TABLE "talent_exchange_persons" ADD CONSTRAINT "talent_exchange_persons_exchange_id_talent_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."talent_exchanges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_exchange_persons_exchange_idx" ON "talent_exchange_persons" USING btree ("exchange_id");--> statement-breakpoint
CREATE INDEX "talent_exchange_persons_hash_idx" ON "talent_exchange_persons" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "talent_exchange_persons_to_idx" ON "talent_exchange_persons" USING btree ("to_division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_exchange_persons_trip_uq" ON "talent_exchange_persons" USING btree ("exchange_id","id_number_hash","arrival_date");