-- The staging tables of ledger commits are scratch space: unlogged, so 200,000 staged rows write no WAL
-- and nothing is recovered after a crash (a commit then simply runs again).
ALTER TABLE "ledger_import_rows" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "ledger_import_audit" SET UNLOGGED;
