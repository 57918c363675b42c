DROP TABLE `pending_fields`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_outbox` (
	`seq` integer PRIMARY KEY NOT NULL,
	`mutation_id` text NOT NULL,
	`device_id` text DEFAULT '' NOT NULL,
	`user_id` text DEFAULT 'system' NOT NULL,
	`op` text DEFAULT 'update' NOT NULL,
	`collection` text NOT NULL,
	`record_id` text NOT NULL,
	`changes` text NOT NULL,
	`base_revs` text NOT NULL,
	`catalogue_version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text
);
--> statement-breakpoint
INSERT INTO `__new_outbox`("seq", "mutation_id", "device_id", "user_id", "op", "collection", "record_id", "changes", "base_revs", "catalogue_version", "created_at", "state", "attempts", "next_attempt_at", "last_error") SELECT "seq", "mutation_id", "device_id", "user_id", "op", "collection", "record_id", "changes", "base_revs", "catalogue_version", "created_at", "state", "attempts", "next_attempt_at", "last_error" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `outbox_record` ON `outbox` (`collection`,`record_id`);--> statement-breakpoint
CREATE INDEX `outbox_rejected` ON `outbox` (`seq`) WHERE state = 'rejected';--> statement-breakpoint
CREATE TABLE `__new_history` (
	`id` integer PRIMARY KEY NOT NULL,
	`collection` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`at` text NOT NULL,
	`by` text NOT NULL,
	`origin` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_history`("id", "collection", "record_id", "field", "old_value", "new_value", "at", "by", "origin") SELECT "id", "collection", "record_id", "field", "old_value", "new_value", "at", "by", "origin" FROM `history`;--> statement-breakpoint
DROP TABLE `history`;--> statement-breakpoint
ALTER TABLE `__new_history` RENAME TO `history`;--> statement-breakpoint
CREATE INDEX `history_field` ON `history` (`collection`,`record_id`,`field`,`id`);