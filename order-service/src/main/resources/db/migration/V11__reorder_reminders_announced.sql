-- The cycle (the order day it began with) whose suggestion was last announced for reminders, so each due product
-- is announced once per cycle, however many instances run the announcing job.
ALTER TABLE reorder_reminder ADD COLUMN announced_cycle DATE;
