ALTER TABLE `sign_in_failures` ADD `last_failed_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written: rows from before this version hold the typed e-mail address in plain text; a
-- lockout is worth less than keeping what a stranger typed, so they all go.
DELETE FROM `sign_in_failures`;
