-- Order numbers LV-000001, LV-000002, … come from this sequence; a rolled back placement leaves a gap, never a
-- duplicate.
CREATE SEQUENCE order_number_seq START WITH 1;

CREATE TABLE customer_order (
    id                    UUID PRIMARY KEY,
    order_number          TEXT        NOT NULL UNIQUE,
    customer_id           UUID        NOT NULL,
    placed_by             TEXT        NOT NULL,
    placed_at             TIMESTAMPTZ NOT NULL,
    purchase_order_number TEXT,
    delivery_mode         TEXT        NOT NULL,
    requested_date        DATE        NOT NULL,
    requested_from        TIME        NOT NULL,
    requested_to          TIME        NOT NULL,
    note                  TEXT,
    status                TEXT        NOT NULL,
    -- why the order is where it is (rejection, hold or cancellation reasons), as a JSON array of {code, message}
    status_reasons        JSONB       NOT NULL DEFAULT '[]',
    -- the two independent decisions, recorded as they arrive (they may come in either order)
    validation_outcome    TEXT,
    validation_reasons    JSONB,
    credit_outcome        TEXT,
    credit_reasons        JSONB,
    -- what OrderValidated fixed for this order
    agreement_id          UUID,
    agreement_number      TEXT,
    goods                 NUMERIC(19, 2),
    freight               NUMERIC(19, 2),
    total                 NUMERIC(19, 2),
    currency              TEXT,
    payment_terms_code    TEXT,
    payment_terms_days    INT,
    payment_due_date      DATE,
    sites                 JSONB,
    shipments_in_order    INT,
    reordered_from        UUID REFERENCES customer_order (id),
    updated_at            TIMESTAMPTZ NOT NULL
);

CREATE INDEX customer_order_customer_placed ON customer_order (customer_id, placed_at DESC);
CREATE INDEX customer_order_placed ON customer_order (placed_at DESC);
CREATE INDEX customer_order_po ON customer_order (lower(purchase_order_number));

CREATE TABLE order_line (
    order_id       UUID    NOT NULL REFERENCES customer_order (id),
    line_no        INT     NOT NULL,
    sku            TEXT    NOT NULL,
    quantity       INT     NOT NULL,
    package_size   TEXT    NOT NULL,
    site_id        UUID    NOT NULL,
    -- filled from OrderValidated
    name           TEXT,
    product_group  TEXT,
    unit           TEXT,
    list_price     NUMERIC(19, 2),
    unit_price     NUMERIC(19, 2),
    line_total     NUMERIC(19, 2),
    available_from DATE,
    PRIMARY KEY (order_id, line_no)
);

CREATE INDEX order_line_site ON order_line (site_id, order_id);

-- Everything that happened to an order, in the order it was applied. Rows with a status are the status history.
CREATE TABLE order_timeline (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    UUID        NOT NULL REFERENCES customer_order (id),
    recorded_at TIMESTAMPTZ NOT NULL,
    occurred_at TIMESTAMPTZ,
    type        TEXT        NOT NULL,
    summary     TEXT        NOT NULL,
    status      TEXT,
    reason      TEXT,
    shipment_id UUID,
    event_id    TEXT
);

CREATE INDEX order_timeline_order ON order_timeline (order_id, id);

-- The order's view of its shipments, kept from delivery-service's events.
CREATE TABLE shipment (
    id                 UUID PRIMARY KEY,
    order_id           UUID        NOT NULL REFERENCES customer_order (id),
    status             TEXT        NOT NULL,
    carrier            TEXT,
    tracking_number    TEXT,
    site_id            UUID,
    window_from        TIMESTAMPTZ,
    window_to          TIMESTAMPTZ,
    window_basis       TEXT,
    window_updated_at  TIMESTAMPTZ,
    lines              JSONB       NOT NULL DEFAULT '[]',
    picked_up          BOOLEAN     NOT NULL DEFAULT false,
    delivered_at       TIMESTAMPTZ,
    problem_code       TEXT,
    problem_reason     TEXT,
    planned_at         TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL
);

CREATE INDEX shipment_order ON shipment (order_id);
CREATE INDEX shipment_tracking ON shipment (upper(tracking_number));

-- Idempotency-Key per caller: the request's fingerprint and the answer given, replayed for a repeat.
CREATE TABLE idempotency_key (
    caller          TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    order_id        UUID        NOT NULL REFERENCES customer_order (id),
    response_status INT         NOT NULL,
    response_body   TEXT        NOT NULL,
    location        TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);

CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
