CREATE TABLE "ledger_import_undo" (
	"seq" serial PRIMARY KEY NOT NULL,
	"import_id" text NOT NULL,
	"slice" integer NOT NULL,
	"ord" integer NOT NULL,
	"tbl" text NOT NULL,
	"row_id" bigint,
	"before" jsonb,
	"audit" jsonb
);
--> statement-breakpoint
CREATE INDEX "ledger_import_undo_import_idx" ON "ledger_import_undo" USING btree ("import_id","slice");