-- A queued change carries its history rows (see db/schema.ts, outbox.history); rows queued before
-- this migration already wrote theirs into `history` and keep an empty value.
ALTER TABLE `outbox` ADD `history` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written (drizzle-kit knows no triggers). Whatever removes a queued change moves its history
-- rows into `history` first, each with its field's next id, in the same transaction; the sync
-- engine removes an answered change before it writes the cloud's value, so the ids keep the order.
-- Text that is not valid JSON, or entries not shaped [field, old, new] (damaged on disk), are left
-- behind rather than stopping the removal, and with it every later answer from the cloud.
CREATE TRIGGER `outbox_history_kept` BEFORE DELETE ON `outbox` WHEN OLD.`history` <> '' AND json_valid(OLD.`history`) BEGIN
	INSERT INTO `history` (`id`, `collection`, `record_id`, `field`, `old_value`, `new_value`, `at`, `by`, `origin`)
	SELECT
		ifnull((SELECT max(h.`id`) FROM `history` h WHERE h.`collection` = OLD.`collection` AND h.`record_id` = OLD.`record_id` AND h.`field` = json_extract(f.value, '$[0]')), 0)
			+ (SELECT count(*) FROM json_each(OLD.`history`, '$.fields') g WHERE g.key <= f.key AND json_extract(CASE WHEN g.type = 'array' THEN g.value END, '$[0]') = json_extract(f.value, '$[0]')),
		OLD.`collection`, OLD.`record_id`, json_extract(f.value, '$[0]'), json_extract(f.value, '$[1]'), json_extract(f.value, '$[2]'),
		OLD.`created_at`, ifnull(json_extract(OLD.`history`, '$.by'), ''), ifnull(json_extract(OLD.`history`, '$.origin'), 'local')
	FROM json_each(OLD.`history`, '$.fields') f WHERE json_type(CASE WHEN f.type = 'array' THEN f.value END, '$[0]') = 'text';
END;--> statement-breakpoint
-- A change the cloud refuses stays in the outbox for a person to act on, but it did happen here:
-- its history rows move at the refusal, before the sync engine writes the value that replaces it.
CREATE TRIGGER `outbox_history_kept_when_refused` AFTER UPDATE OF `state` ON `outbox` WHEN NEW.`state` = 'rejected' AND NEW.`history` <> '' BEGIN
	INSERT INTO `history` (`id`, `collection`, `record_id`, `field`, `old_value`, `new_value`, `at`, `by`, `origin`)
	SELECT
		ifnull((SELECT max(h.`id`) FROM `history` h WHERE h.`collection` = NEW.`collection` AND h.`record_id` = NEW.`record_id` AND h.`field` = json_extract(f.value, '$[0]')), 0)
			+ (SELECT count(*) FROM json_each(NEW.`history`, '$.fields') g WHERE g.key <= f.key AND json_extract(CASE WHEN g.type = 'array' THEN g.value END, '$[0]') = json_extract(f.value, '$[0]')),
		NEW.`collection`, NEW.`record_id`, json_extract(f.value, '$[0]'), json_extract(f.value, '$[1]'), json_extract(f.value, '$[2]'),
		NEW.`created_at`, ifnull(json_extract(NEW.`history`, '$.by'), ''), ifnull(json_extract(NEW.`history`, '$.origin'), 'local')
	FROM json_each(CASE WHEN json_valid(NEW.`history`) THEN NEW.`history` ELSE '{}' END, '$.fields') f WHERE json_type(CASE WHEN f.type = 'array' THEN f.value END, '$[0]') = 'text';
	UPDATE `outbox` SET `history` = '' WHERE `seq` = NEW.`seq`;
END;
