-- Claims as the scorecard counts them: against the carrier of the shipment they name (damaged, late) or against
-- the supplier (short, wrong item, other). Kept from order-service's claim events.
CREATE TABLE claim_tally (
    claim_id    UUID PRIMARY KEY,
    shipment_id UUID,
    carrier     TEXT,
    reason      TEXT        NOT NULL,
    against     TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    filed_at    TIMESTAMPTZ NOT NULL
);
