-- Agreement events carry their version's sites since this migration. Agreements created before it (and those the
-- demo data seeds, which were never announced at all) have none on the topic: AgreementBackfill announces each of
-- them once, with its sites, and notes it here. Agreements created from now on are announced with their sites.
ALTER TABLE agreement ADD COLUMN sites_announced_at TIMESTAMPTZ;
