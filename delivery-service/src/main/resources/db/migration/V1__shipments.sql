-- One row per planned shipment; the current status and delivery window are kept on it so reads need no replay.
CREATE TABLE shipment (
    id                  UUID        PRIMARY KEY,
    order_id            UUID        NOT NULL,
    order_number        TEXT,
    customer_id         UUID        NOT NULL,
    site_id             UUID        NOT NULL,
    site_name           TEXT,
    country_code        TEXT        NOT NULL,
    time_zone           TEXT        NOT NULL,
    carrier             TEXT        NOT NULL,
    tracking_number     TEXT        NOT NULL UNIQUE,
    status              TEXT        NOT NULL,
    -- occurredAt of the partner event the status came from; a late event that occurred earlier does not override it
    status_occurred_at  TIMESTAMPTZ,
    planned_date        DATE        NOT NULL,
    slot_from           TIME        NOT NULL,
    slot_to             TIME        NOT NULL,
    shipments_in_order  INT         NOT NULL,
    planned_at          TIMESTAMPTZ NOT NULL,
    eta                 TIMESTAMPTZ,
    eta_occurred_at     TIMESTAMPTZ,
    latest_event_at     TIMESTAMPTZ,
    delivered_at        TIMESTAMPTZ,
    pod_signed_by       TEXT,
    pod_note            TEXT,
    window_from         TIMESTAMPTZ NOT NULL,
    window_to           TIMESTAMPTZ NOT NULL,
    window_basis        TEXT        NOT NULL,
    window_updated_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX shipment_order ON shipment (order_id);
CREATE INDEX shipment_site_window ON shipment (site_id, window_from);

CREATE TABLE shipment_line (
    shipment_id  UUID NOT NULL REFERENCES shipment (id),
    line_no      INT  NOT NULL,
    sku          TEXT NOT NULL,
    quantity     INT  NOT NULL,
    package_size TEXT,
    PRIMARY KEY (shipment_id, line_no)
);

-- Every partner event is kept, in or out of order; (carrier, event_id) makes a resent event a duplicate.
CREATE TABLE shipment_event (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipment_id     UUID        NOT NULL REFERENCES shipment (id),
    carrier         TEXT        NOT NULL,
    event_id        TEXT        NOT NULL,
    type            TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    eta             TIMESTAMPTZ,
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    pod_signed_by   TEXT,
    pod_note        TEXT,
    reason          TEXT,
    UNIQUE (carrier, event_id)
);

CREATE INDEX shipment_event_shipment ON shipment_event (shipment_id, occurred_at);

-- Every window a shipment showed, from when; promise accuracy looks up what was shown before the arrival.
CREATE TABLE shipment_window (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipment_id  UUID        NOT NULL REFERENCES shipment (id),
    window_from  TIMESTAMPTZ NOT NULL,
    window_to    TIMESTAMPTZ NOT NULL,
    basis        TEXT        NOT NULL,
    shown_from   TIMESTAMPTZ NOT NULL
);

CREATE INDEX shipment_window_shipment ON shipment_window (shipment_id, shown_from);

-- Orders cancelled before they were planned are never planned.
CREATE TABLE cancelled_order (
    order_id      UUID        PRIMARY KEY,
    cancelled_at  TIMESTAMPTZ NOT NULL
);
