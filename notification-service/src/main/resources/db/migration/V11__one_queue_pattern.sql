-- mail_delivery and webhook_delivery follow one pattern, so one dispatcher sends from both (channel.Dispatcher): a
-- message is PENDING until it is DELIVERED or FAILED (or CANCELLED), next_attempt_at is also the lease while it is
-- being sent, and a person may ask for one more try of a finished message.
ALTER TABLE mail_delivery RENAME COLUMN sent_at TO delivered_at;
UPDATE mail_delivery SET status = 'DELIVERED' WHERE status = 'SENT';
ALTER TABLE mail_delivery ADD COLUMN last_status_code INT;
ALTER TABLE mail_delivery ADD COLUMN redelivery_requested_at TIMESTAMPTZ;
