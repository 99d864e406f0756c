-- What billing knows of an order, gathered from three topics that are not ordered with each other: who placed it
-- (OrderPlaced), under which agreement and for which customer name (OrderValidated), and its priced lines, sites,
-- totals and terms (OrderAccepted, kept whole as it was received). An order is invoiced once all three are here.
CREATE TABLE billed_order (
    order_id              UUID PRIMARY KEY,
    customer_id           UUID        NOT NULL,
    order_number          TEXT,
    placed_by             TEXT,
    purchase_order_number TEXT,
    agreement_id          UUID,
    agreement_number      TEXT,
    customer_name         TEXT,
    accepted              JSONB,
    cancelled             BOOLEAN     NOT NULL DEFAULT FALSE
);

-- The shipments of an order as delivery-service planned them (which lines, how much), and when each was delivered.
CREATE TABLE billed_shipment (
    shipment_id        UUID PRIMARY KEY,
    order_id           UUID        NOT NULL,
    site_id            UUID,
    lines              JSONB       NOT NULL,
    shipments_in_order INT         NOT NULL,
    delivered_at       TIMESTAMPTZ,
    cancelled          BOOLEAN     NOT NULL DEFAULT FALSE,
    invoice_id         UUID,
    credited           BOOLEAN     NOT NULL DEFAULT FALSE
);

CREATE INDEX billed_shipment_by_order ON billed_shipment (order_id);
-- Delivered and waiting for the month's collective invoice.
CREATE INDEX billed_shipment_uninvoiced ON billed_shipment (delivered_at)
    WHERE delivered_at IS NOT NULL AND invoice_id IS NULL AND NOT cancelled;

-- One counter per number series (e.g. invoices of 2026). A number is taken by updating this row in the transaction
-- that issues the document: a rolled back issue gives its number back, and concurrent issues wait on the row lock,
-- so the numbers have no gaps and no doubles, across restarts too.
CREATE TABLE number_series (
    series      TEXT PRIMARY KEY,
    last_number BIGINT NOT NULL CHECK (last_number >= 0)
);

-- Invoices and credit notes. Amounts are positive on both; a credit note names the invoice it credits.
CREATE TABLE invoice (
    id                  UUID PRIMARY KEY,
    number              TEXT          NOT NULL UNIQUE,
    kind                TEXT          NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    credits_invoice_id  UUID REFERENCES invoice (id),
    customer_id         UUID          NOT NULL,
    customer_name       TEXT,
    agreement_number    TEXT,
    country_code        CHAR(2)       NOT NULL,
    language            TEXT          NOT NULL,
    currency            CHAR(3)       NOT NULL,
    issue_date          DATE          NOT NULL,
    due_date            DATE          NOT NULL,
    payment_terms       TEXT,
    net                 NUMERIC(19,2) NOT NULL,
    vat                 NUMERIC(19,2) NOT NULL,
    total               NUMERIC(19,2) NOT NULL,
    paid                NUMERIC(19,2) NOT NULL DEFAULT 0,
    credited            NUMERIC(19,2) NOT NULL DEFAULT 0,
    status              TEXT          NOT NULL CHECK (status IN ('OPEN', 'PARTIALLY_PAID', 'PAID', 'CREDITED')),
    reference           TEXT UNIQUE,
    reason              TEXT,
    issued_at           TIMESTAMPTZ   NOT NULL,
    overdue_reported_at TIMESTAMPTZ
);

CREATE INDEX invoice_by_customer ON invoice (customer_id, issue_date DESC);
CREATE INDEX invoice_unpaid_by_due_date ON invoice (due_date) WHERE status IN ('OPEN', 'PARTIALLY_PAID');

CREATE TABLE invoice_line (
    invoice_id            UUID          NOT NULL REFERENCES invoice (id),
    line_no               INT           NOT NULL,
    kind                  TEXT          NOT NULL CHECK (kind IN ('GOODS', 'FREIGHT')),
    order_id              UUID          NOT NULL,
    order_number          TEXT,
    order_line_no         INT,
    shipment_id           UUID,
    site_id               UUID,
    purchase_order_number TEXT,
    placed_by             TEXT,
    sku                   TEXT,
    description           TEXT          NOT NULL,
    product_group         TEXT,
    unit                  TEXT,
    quantity              INT           NOT NULL,
    unit_price            NUMERIC(19,2),
    net                   NUMERIC(19,2) NOT NULL,
    vat_rate              NUMERIC(5,2)  NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

CREATE INDEX invoice_line_by_order ON invoice_line (order_id);
CREATE INDEX invoice_line_by_shipment ON invoice_line (shipment_id);

-- Every payment the supplier's bank or ERP reported, matched or not. external_id is the bank's own id of the entry,
-- so the same file or call sent twice records each payment once.
CREATE TABLE payment (
    id          UUID PRIMARY KEY,
    external_id TEXT          NOT NULL UNIQUE,
    source      TEXT          NOT NULL CHECK (source IN ('API', 'CAMT054')),
    reference   TEXT,
    amount      NUMERIC(19,2) NOT NULL CHECK (amount > 0),
    currency    CHAR(3)       NOT NULL,
    paid_on     DATE          NOT NULL,
    payer_name  TEXT,
    invoice_id  UUID REFERENCES invoice (id),
    applied     NUMERIC(19,2) NOT NULL DEFAULT 0,
    -- what no invoice took: all of an unmatched payment, the excess of an overpayment
    unapplied   NUMERIC(19,2) NOT NULL DEFAULT 0,
    status      TEXT          NOT NULL CHECK (status IN ('APPLIED', 'UNMATCHED', 'OVERPAID', 'RESOLVED')),
    received_at TIMESTAMPTZ   NOT NULL,
    resolved_by TEXT,
    resolution  TEXT
);

CREATE INDEX payment_by_invoice ON payment (invoice_id);
CREATE INDEX payment_waiting ON payment (received_at) WHERE status IN ('UNMATCHED', 'OVERPAID');
