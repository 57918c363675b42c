CREATE TABLE "payment_provider_links" (
	"shop_id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"token_code" text NOT NULL,
	"api_token" text NOT NULL,
	"services" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_channel_keys" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"channel" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sales_orders" (
	"shop_id" text NOT NULL,
	"channel" text NOT NULL,
	"order_id" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"day" text NOT NULL,
	"total_incl_cents" bigint NOT NULL,
	"total_excl_cents" bigint NOT NULL,
	"body_hash" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_orders_shop_id_channel_order_id_pk" PRIMARY KEY("shop_id","channel","order_id")
);
--> statement-breakpoint
ALTER TABLE "payment_provider_links" ADD CONSTRAINT "payment_provider_links_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_channel_keys" ADD CONSTRAINT "sales_channel_keys_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sales_channel_keys_shop" ON "sales_channel_keys" USING btree ("shop_id","channel");--> statement-breakpoint
CREATE INDEX "sales_orders_shop_day" ON "sales_orders" USING btree ("shop_id","day");