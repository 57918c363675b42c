-- Issue 11 item 22: Productinstellingen had its own "Standaard btw-tarief" beside BTW-informatie's
-- "Standaard btw-tarief producten", and the two could disagree. BTW-informatie keeps the one
-- setting. A rate that was set only in Productinstellingen, or set there more recently than in
-- BTW-informatie, is what the shop last chose: it moves over with a history row saying so.
CREATE TEMP TABLE `carried_vat_rate` AS
SELECT json_extract(p.`data`, '$.vatRate') AS `rate`, COALESCE(json_extract(c.`data`, '$.productVatRate'), 'high') AS `previous`
FROM `records` p
LEFT JOIN `records` c ON c.`collection` = 'settings' AND c.`id` = 'company.vat'
WHERE p.`collection` = 'settings' AND p.`id` = 'products.defaults'
  AND json_type(p.`data`, '$.vatRate') = 'text'
  AND (c.`id` IS NULL OR json_type(c.`data`, '$.productVatRate') IS NULL
    OR COALESCE((SELECT max(`id`) FROM `history` WHERE `collection` = 'settings' AND `record_id` = 'products.defaults' AND `field` = 'vatRate'), 0)
     > COALESCE((SELECT max(`id`) FROM `history` WHERE `collection` = 'settings' AND `record_id` = 'company.vat' AND `field` = 'productVatRate'), 0))
  AND json_extract(p.`data`, '$.vatRate') IS NOT COALESCE(json_extract(c.`data`, '$.productVatRate'), 'high');
--> statement-breakpoint
INSERT INTO `records` (`collection`, `id`, `data`, `updated_at`, `updated_by`)
SELECT 'settings', 'company.vat', json_object('productVatRate', `rate`), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'Backoffice-update'
FROM `carried_vat_rate`
WHERE NOT EXISTS (SELECT 1 FROM `records` WHERE `collection` = 'settings' AND `id` = 'company.vat');
--> statement-breakpoint
UPDATE `records`
SET `data` = json_set(`data`, '$.productVatRate', (SELECT `rate` FROM `carried_vat_rate`)),
    `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), `updated_by` = 'Backoffice-update'
WHERE `collection` = 'settings' AND `id` = 'company.vat' AND EXISTS (SELECT 1 FROM `carried_vat_rate`);
--> statement-breakpoint
INSERT INTO `history` (`collection`, `record_id`, `field`, `old_value`, `new_value`, `at`, `by`, `origin`)
SELECT 'settings', 'company.vat', 'productVatRate', json_quote(`previous`), json_quote(`rate`), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'Backoffice-update', 'local'
FROM `carried_vat_rate`;
--> statement-breakpoint
UPDATE `records` SET `data` = json_remove(`data`, '$.vatRate')
WHERE `collection` = 'settings' AND `id` = 'products.defaults' AND json_type(`data`, '$.vatRate') IS NOT NULL;
--> statement-breakpoint
DROP TABLE `carried_vat_rate`;
