ALTER TABLE "mutations" DROP CONSTRAINT "mutations_shop_id_shops_id_fk";
--> statement-breakpoint
ALTER TABLE "records" DROP CONSTRAINT "records_shop_id_shops_id_fk";
