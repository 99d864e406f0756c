-- An endpoint may take the changes of some of the customer's sites only (a site's own system, say). Empty: all of
-- them, as before.
ALTER TABLE webhook_endpoint ADD COLUMN site_ids UUID[] NOT NULL DEFAULT '{}';
