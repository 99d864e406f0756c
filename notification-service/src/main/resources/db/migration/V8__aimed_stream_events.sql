-- A stream row may be aimed at one person (their own subject): their "arriving soon" at their own lead time. Only
-- that person's stream shows it; e-mail and webhooks ignore it. NULL: everyone who may see the change.
ALTER TABLE stream_event ADD COLUMN recipient TEXT;

-- arrival_notice now records each channel of a person's "arriving soon" (e-mail, live), each once per shipment.
ALTER TABLE arrival_notice ADD COLUMN channel TEXT NOT NULL DEFAULT 'email';
ALTER TABLE arrival_notice DROP CONSTRAINT arrival_notice_pkey;
ALTER TABLE arrival_notice ADD PRIMARY KEY (shipment_id, subject, channel);
ALTER TABLE arrival_notice ALTER COLUMN channel DROP DEFAULT;
