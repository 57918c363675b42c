CREATE TABLE `mail_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` text NOT NULL,
	`kind` text NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`html` text NOT NULL,
	`text` text NOT NULL,
	`attach_terms` integer DEFAULT false NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_answer` text,
	`last_problem` text,
	`interrupted` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_queue_message_id_unique` ON `mail_queue` (`message_id`);--> statement-breakpoint
CREATE INDEX `mail_queue_due` ON `mail_queue` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `mail_queue_recent` ON `mail_queue` (`created_at`);