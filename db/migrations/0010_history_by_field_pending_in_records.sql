-- Hand-written (drizzle-kit cannot say WITHOUT ROWID): history clustered by field, so a change
-- writes one page of it instead of a table page and an index page.
CREATE TABLE `__new_history` (
	`id` integer NOT NULL,
	`collection` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`at` text NOT NULL,
	`by` text NOT NULL,
	`origin` text NOT NULL,
	PRIMARY KEY(`collection`, `record_id`, `field`, `id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_history`("id", "collection", "record_id", "field", "old_value", "new_value", "at", "by", "origin") SELECT "id", "collection", "record_id", "field", "old_value", "new_value", "at", "by", "origin" FROM `history` ORDER BY "collection", "record_id", "field", "id";--> statement-breakpoint
DROP TABLE `history`;--> statement-breakpoint
ALTER TABLE `__new_history` RENAME TO `history`;--> statement-breakpoint
-- The fields each record's pending mutations wait on, counted from the outbox while its index on the record is still there.
ALTER TABLE `records` ADD `pending` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE `records` SET `pending` = (
	SELECT json_group_object(`field`, `n`) FROM (
		SELECT f.key AS `field`, count(*) AS `n` FROM `outbox` o, json_each(o.`base_revs`) f
		WHERE o.`collection` = `records`.`collection` AND o.`record_id` = `records`.`id` AND o.`state` = 'pending' GROUP BY f.key
	)
) WHERE EXISTS (SELECT 1 FROM `outbox` o WHERE o.`collection` = `records`.`collection` AND o.`record_id` = `records`.`id` AND o.`state` = 'pending');--> statement-breakpoint
DROP INDEX `outbox_record`;--> statement-breakpoint
CREATE INDEX `outbox_credentials` ON `outbox` (`record_id`) WHERE collection = 'credentials';
