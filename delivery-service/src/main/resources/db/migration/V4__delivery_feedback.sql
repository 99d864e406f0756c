-- What a receiver says of a delivery to their site: one rating per receiver and shipment, which they may change.
CREATE TABLE delivery_feedback (
    shipment_id    UUID        NOT NULL REFERENCES shipment (id),
    receiver       TEXT        NOT NULL,
    on_time        BOOLEAN     NOT NULL,
    unloaded_fine  BOOLEAN     NOT NULL,
    comment        TEXT,
    rated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (shipment_id, receiver)
);

-- A receiver's history: delivered shipments to their sites, newest first.
CREATE INDEX shipment_site_delivered ON shipment (site_id, delivered_at DESC) WHERE status = 'DELIVERED';
