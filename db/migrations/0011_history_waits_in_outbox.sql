-- A queued change carries its history rows (see db/schema.ts, outbox.history); rows queued before
-- this migration already wrote theirs into `history` and keep an empty value.
ALTER TABLE `outbox` ADD `history` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written (drizzle-kit knows no triggers): whatever removes a queued change moves its history
-- rows into `history` first, each with its field's next id, in the same transaction.
CREATE TRIGGER `outbox_history_kept` BEFORE DELETE ON `outbox` WHEN OLD.`history` <> '' BEGIN
	INSERT INTO `history` (`id`, `collection`, `record_id`, `field`, `old_value`, `new_value`, `at`, `by`, `origin`)
	SELECT
		ifnull((SELECT max(h.`id`) FROM `history` h WHERE h.`collection` = OLD.`collection` AND h.`record_id` = OLD.`record_id` AND h.`field` = json_extract(f.value, '$[0]')), 0) + 1,
		OLD.`collection`, OLD.`record_id`, json_extract(f.value, '$[0]'), json_extract(f.value, '$[1]'), json_extract(f.value, '$[2]'),
		OLD.`created_at`, json_extract(OLD.`history`, '$.by'), json_extract(OLD.`history`, '$.origin')
	FROM json_each(OLD.`history`, '$.fields') f;
END;
