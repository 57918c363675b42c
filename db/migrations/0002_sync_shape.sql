CREATE TABLE `blobs` (
	`hash` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `handled_mutations` (
	`mutation_id` text PRIMARY KEY NOT NULL,
	`collection` text NOT NULL,
	`record_id` text NOT NULL,
	`handled_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pending_fields` (
	`seq` integer NOT NULL,
	`collection` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	PRIMARY KEY(`collection`, `record_id`, `field`, `seq`),
	FOREIGN KEY (`seq`) REFERENCES `outbox`(`seq`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_fields_seq` ON `pending_fields` (`seq`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `device_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `user_id` text DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `op` text DEFAULT 'update' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `catalogue_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_state` ON `outbox` (`state`,`seq`);--> statement-breakpoint
CREATE INDEX `outbox_record` ON `outbox` (`collection`,`record_id`);--> statement-breakpoint
CREATE INDEX `history_at` ON `history` (`at`);--> statement-breakpoint
-- Hand-written below this line (drizzle-kit generates only the DDL): shape the changes queued
-- before this version like the ones made after it, so nothing already in the outbox is lost.
INSERT INTO `pending_fields` (`seq`, `collection`, `record_id`, `field`) SELECT o.`seq`, o.`collection`, o.`record_id`, j.`key` FROM `outbox` o, json_each(o.`changes`) j;--> statement-breakpoint
UPDATE `outbox` SET `op` = 'delete', `changes` = '{}' WHERE json_extract(`changes`, '$._deleted') = 1;--> statement-breakpoint
UPDATE `outbox` SET `op` = 'create' WHERE `op` = 'update' AND `collection` <> 'settings' AND `seq` = (SELECT min(o2.`seq`) FROM `outbox` o2 WHERE o2.`collection` = `outbox`.`collection` AND o2.`record_id` = `outbox`.`record_id`);
