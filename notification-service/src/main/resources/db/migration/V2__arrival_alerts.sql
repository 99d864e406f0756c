-- One "arriving soon" alert per shipment, due a lead time before its current delivery window starts. While it
-- is pending (sent_at and cancelled_at empty) a moved window re-times it; once sent it is never sent again.
CREATE TABLE arrival_alert (
    shipment_id       UUID PRIMARY KEY,
    order_id          UUID        NOT NULL,
    customer_id       UUID,
    site_id           UUID,
    carrier           TEXT,
    tracking_number   TEXT,
    status            TEXT,
    window_from       TIMESTAMPTZ NOT NULL,
    window_to         TIMESTAMPTZ,
    window_basis      TEXT,
    window_updated_at TIMESTAMPTZ,
    due_at            TIMESTAMPTZ NOT NULL,
    sent_at           TIMESTAMPTZ,
    cancelled_at      TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX arrival_alert_pending ON arrival_alert (due_at) WHERE sent_at IS NULL AND cancelled_at IS NULL;
