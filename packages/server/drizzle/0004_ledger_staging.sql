CREATE TABLE "ledger_import_audit" (
	"import_id" text NOT NULL,
	"seq" integer NOT NULL,
	"after" jsonb NOT NULL,
	CONSTRAINT "ledger_import_audit_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "ledger_import_rows" (
	"import_id" text NOT NULL,
	"n" integer NOT NULL,
	"a" text NOT NULL,
	"r" jsonb NOT NULL,
	CONSTRAINT "ledger_import_rows_import_id_n_pk" PRIMARY KEY("import_id","n")
);
