CREATE TABLE `credentials` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`hash` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`login` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`locked_until` text
);
