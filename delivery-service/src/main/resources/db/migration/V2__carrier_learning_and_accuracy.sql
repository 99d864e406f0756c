-- How much later (positive) or earlier than its last ETA each delivered shipment arrived, per carrier. No foreign
-- key: history imported from before a shipment lived here (or the demo's) teaches the model just as well.
CREATE TABLE carrier_arrival_error (
    shipment_id    UUID        PRIMARY KEY,
    carrier        TEXT        NOT NULL,
    error_seconds  BIGINT      NOT NULL,
    delivered_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX carrier_arrival_error_recent ON carrier_arrival_error (carrier, delivered_at DESC);

-- The windows shown 4 h and 1 h before each actual arrival, and whether the arrival fell inside them.
CREATE TABLE delivery_promise (
    shipment_id   UUID        PRIMARY KEY REFERENCES shipment (id),
    carrier       TEXT        NOT NULL,
    delivered_at  TIMESTAMPTZ NOT NULL,
    h4_from       TIMESTAMPTZ,
    h4_to         TIMESTAMPTZ,
    h1_from       TIMESTAMPTZ,
    h1_to         TIMESTAMPTZ
);
