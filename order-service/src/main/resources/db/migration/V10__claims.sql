-- A buyer's claim about delivered goods, and customer service's decision on it.
CREATE SEQUENCE claim_number_seq;

CREATE TABLE claim (
    id                       UUID PRIMARY KEY,
    number                   TEXT NOT NULL UNIQUE,
    order_id                 UUID NOT NULL REFERENCES customer_order (id),
    customer_id              UUID NOT NULL,
    shipment_id              UUID,
    carrier                  TEXT,
    reason                   TEXT NOT NULL,
    description              TEXT NOT NULL,
    status                   TEXT NOT NULL,
    filed_by                 TEXT NOT NULL,
    filed_at                 TIMESTAMPTZ NOT NULL,
    -- a retried filing (same person, same Idempotency-Key) finds the first claim instead of making a second
    idempotency_key          TEXT NOT NULL,
    request_hash             TEXT NOT NULL,
    remedy                   TEXT,
    decision_note            TEXT,
    replacement_order_id     UUID,
    replacement_order_number TEXT,
    decided_by               TEXT,
    decided_at               TIMESTAMPTZ,
    UNIQUE (filed_by, idempotency_key)
);

CREATE INDEX claim_by_order ON claim (order_id);
CREATE INDEX claim_open ON claim (filed_at) WHERE status = 'OPEN';

CREATE TABLE claim_line (
    claim_id UUID NOT NULL REFERENCES claim (id),
    line_no  INT NOT NULL,
    sku      TEXT NOT NULL,
    quantity INT NOT NULL,
    PRIMARY KEY (claim_id, line_no)
);

-- Photos live in the database beside their claim, never on a disk under a name the uploader chose; the same
-- picture sent twice is stored once.
CREATE TABLE claim_photo (
    id           UUID PRIMARY KEY,
    claim_id     UUID NOT NULL REFERENCES claim (id),
    content_type TEXT NOT NULL,
    width        INT NOT NULL,
    height       INT NOT NULL,
    size_bytes   INT NOT NULL,
    sha256       TEXT NOT NULL,
    content      BYTEA NOT NULL,
    uploaded_by  TEXT NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (claim_id, sha256)
);
