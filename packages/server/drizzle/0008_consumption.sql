CREATE TABLE "consumption_fair_suppliers" (
	"fair_id" integer NOT NULL,
	"supplier_id" integer NOT NULL,
	CONSTRAINT "consumption_fair_suppliers_fair_id_supplier_id_pk" PRIMARY KEY("fair_id","supplier_id")
);
--> statement-breakpoint
CREATE TABLE "consumption_fairs" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"fair_date" date NOT NULL,
	"place" text NOT NULL,
	"division_code" text NOT NULL,
	"organiser" text,
	"team_id" integer,
	"buyers" integer,
	"intent_amount" numeric(18, 2),
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consumption_products" (
	"id" serial PRIMARY KEY NOT NULL,
	"supplier_id" integer NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"division_code" text NOT NULL,
	"team_id" integer,
	"unit" text,
	"price" numeric(18, 2),
	"photo_url" text,
	"cert_no" text NOT NULL,
	"cert_body" text NOT NULL,
	"cert_date" date NOT NULL,
	"cert_expiry" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consumption_products_cert_ck" CHECK ("consumption_products"."cert_expiry" >= "consumption_products"."cert_date")
);
--> statement-breakpoint
CREATE TABLE "consumption_sales" (
	"id" serial PRIMARY KEY NOT NULL,
	"sale_date" date NOT NULL,
	"order_no" text,
	"supplier_id" integer NOT NULL,
	"product_id" integer,
	"product_name" text,
	"amount" numeric(18, 2) NOT NULL,
	"quantity" double precision,
	"channel" text NOT NULL,
	"buyer_name" text,
	"helper_division_code" text NOT NULL,
	"seller_division_code" text NOT NULL,
	"team_id" integer,
	"fair_id" integer,
	"reporter" text,
	"cert_expired" integer DEFAULT 0 NOT NULL,
	"duplicate_of" integer,
	"duplicate_state" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consumption_sales_amount_ck" CHECK ("consumption_sales"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "consumption_suppliers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"division_code" text NOT NULL,
	"team_id" integer,
	"contact" text,
	"phone" text,
	"address" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consumption_fair_suppliers" ADD CONSTRAINT "consumption_fair_suppliers_fair_id_consumption_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."consumption_fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_fair_suppliers" ADD CONSTRAINT "consumption_fair_suppliers_supplier_id_consumption_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."consumption_suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_products" ADD CONSTRAINT "consumption_products_supplier_id_consumption_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."consumption_suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_sales" ADD CONSTRAINT "consumption_sales_supplier_id_consumption_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."consumption_suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_sales" ADD CONSTRAINT "consumption_sales_product_id_consumption_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."consumption_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_sales" ADD CONSTRAINT "consumption_sales_fair_id_consumption_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."consumption_fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_sales" ADD CONSTRAINT "consumption_sales_duplicate_of_consumption_sales_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."consumption_sales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consumption_fairs_division_idx" ON "consumption_fairs" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "consumption_fairs_date_idx" ON "consumption_fairs" USING btree ("fair_date");--> statement-breakpoint
CREATE UNIQUE INDEX "consumption_products_cert_uq" ON "consumption_products" USING btree ("cert_no");--> statement-breakpoint
CREATE INDEX "consumption_products_supplier_idx" ON "consumption_products" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "consumption_products_division_idx" ON "consumption_products" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "consumption_sales_helper_idx" ON "consumption_sales" USING btree ("helper_division_code");--> statement-breakpoint
CREATE INDEX "consumption_sales_seller_idx" ON "consumption_sales" USING btree ("seller_division_code");--> statement-breakpoint
CREATE INDEX "consumption_sales_date_idx" ON "consumption_sales" USING btree ("sale_date");--> statement-breakpoint
CREATE INDEX "consumption_sales_order_idx" ON "consumption_sales" USING btree ("order_no");--> statement-breakpoint
CREATE INDEX "consumption_sales_supplier_idx" ON "consumption_sales" USING btree ("supplier_id","sale_date");--> statement-breakpoint
CREATE UNIQUE INDEX "consumption_suppliers_credit_uq" ON "consumption_suppliers" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "consumption_suppliers_division_idx" ON "consumption_suppliers" USING btree ("division_code");