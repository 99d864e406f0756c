-- Every delivered shipment that teaches the window engine, once: a redelivered DELIVERED event finds its row here.
-- No foreign key to shipment: history imported from before a shipment lived here (or the demo's) teaches as well.
CREATE TABLE arrival_delivery (
    shipment_id   UUID        PRIMARY KEY,
    carrier       TEXT        NOT NULL,
    delivered_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX arrival_delivery_carrier_recent ON arrival_delivery (carrier, delivered_at DESC);
CREATE INDEX arrival_delivery_recent ON arrival_delivery (delivered_at DESC);

-- What the delivery was promised before it arrived: each ETA the carrier gave, and the planned slot. An ETA is a
-- point (expected_from = expected_to); the slot is a range. band: how far ahead the ETA was when given
-- (HorizonBand), PLANNED_SLOT for the slot.
CREATE TABLE arrival_sample (
    shipment_id      UUID        NOT NULL REFERENCES arrival_delivery (shipment_id),
    -- the partner event that gave the ETA, or 'planned-slot'
    source           TEXT        NOT NULL,
    band             TEXT        NOT NULL,
    given_at         TIMESTAMPTZ NOT NULL,
    expected_from    TIMESTAMPTZ NOT NULL,
    expected_to      TIMESTAMPTZ NOT NULL,
    -- how long before the actual arrival it was given
    horizon_seconds  BIGINT      NOT NULL,
    PRIMARY KEY (shipment_id, source)
);

-- How sure each window is (WindowConfidence); null on windows drawn before this existed.
ALTER TABLE shipment ADD COLUMN window_confidence TEXT, ADD COLUMN window_samples INT,
    ADD COLUMN window_coverage DOUBLE PRECISION;
ALTER TABLE shipment_window ADD COLUMN confidence TEXT, ADD COLUMN samples INT, ADD COLUMN coverage DOUBLE PRECISION;
