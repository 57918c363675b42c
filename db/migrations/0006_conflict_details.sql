ALTER TABLE `conflicts` ADD `mutation_id` text;--> statement-breakpoint
ALTER TABLE `conflicts` ADD `mine_by` text;--> statement-breakpoint
ALTER TABLE `conflicts` ADD `mine_at` text;--> statement-breakpoint
ALTER TABLE `conflicts` ADD `their_by` text;--> statement-breakpoint
ALTER TABLE `conflicts` ADD `their_at` text;--> statement-breakpoint
ALTER TABLE `conflicts` ADD `resolved_by` text;--> statement-breakpoint
CREATE UNIQUE INDEX `conflicts_one_open_per_field` ON `conflicts` (`collection`,`record_id`,`field`) WHERE resolved_at IS NULL;