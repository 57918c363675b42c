CREATE TABLE "storekeeper_payments_accounts" (
	"shop_id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"api_key" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "storekeeper_payments_accounts" ADD CONSTRAINT "storekeeper_payments_accounts_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;