-- Per person: what the live stream shows (NULL: everything they may see) and how long before a delivery window
-- starts their "arriving soon" e-mail goes (NULL: their site's lead time, else the default).
ALTER TABLE subscriber ADD COLUMN live_events TEXT[];
ALTER TABLE subscriber ADD COLUMN arrival_lead_minutes INT;

-- Per delivery site, chosen by the customer's agreement manager or the site's receivers: which events its
-- receivers (and the named people of the same customer) get by e-mail, and the site's arrival lead time.
-- A receiver's own choice (subscriber.email_events / arrival_lead_minutes) wins over the site's.
CREATE TABLE site_subscription (
    site_id              UUID PRIMARY KEY,
    customer_id          UUID        NOT NULL,
    -- NULL: the receivers' role defaults
    email_events         TEXT[],
    also_notify          TEXT[]      NOT NULL DEFAULT '{}',
    arrival_lead_minutes INT,
    updated_by           TEXT        NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);

-- The partner said the truck is arriving: every subscriber's alert is due at once, whatever their lead time.
ALTER TABLE arrival_alert ADD COLUMN arriving_at TIMESTAMPTZ;

-- One "arriving soon" e-mail per shipment and person, at that person's own lead time. The primary key makes it
-- once, however many instances look and however often the window moves.
CREATE TABLE arrival_notice (
    shipment_id  UUID        NOT NULL,
    subject      TEXT        NOT NULL,
    lead_minutes INT         NOT NULL,
    window_from  TIMESTAMPTZ NOT NULL,
    sent_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (shipment_id, subject)
);

-- Personal arrival e-mails are not about one stream row; arrival_notice keeps them unique instead.
ALTER TABLE mail_delivery ALTER COLUMN stream_event_id DROP NOT NULL;

CREATE INDEX arrival_alert_open ON arrival_alert (window_from) WHERE cancelled_at IS NULL;
