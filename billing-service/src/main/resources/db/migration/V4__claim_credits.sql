-- An accepted claim's goods to credit. Credited as soon as the claimed goods are invoiced: at once under
-- per-shipment invoicing, with the month's collective invoice under monthly invoicing.
CREATE TABLE claim_credit (
    claim_id       UUID PRIMARY KEY,
    claim_number   TEXT        NOT NULL,
    order_id       UUID        NOT NULL,
    shipment_id    UUID,
    -- the claimed quantities as a JSON array of {lineNo, sku, quantity} (order line numbers)
    lines          JSONB       NOT NULL,
    reason         TEXT        NOT NULL,
    accepted_at    TIMESTAMPTZ NOT NULL,
    credit_note_id UUID
);

CREATE INDEX claim_credit_waiting ON claim_credit (order_id) WHERE credit_note_id IS NULL;
