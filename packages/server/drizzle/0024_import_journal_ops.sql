ALTER TABLE "ledger_import_undo" ADD COLUMN "op" text;--> statement-breakpoint
ALTER TABLE "ledger_import_undo" ADD COLUMN "after" jsonb;