-- What the claim stream needs from a claim's filing when it is decided: the accept and reject events do not repeat
-- who filed it (they get the e-mail) nor what it is about. Claims are decided long after they are filed, so the
-- rows stay like known_order's.
CREATE TABLE known_claim (
    claim_id    UUID PRIMARY KEY,
    order_id    UUID        NOT NULL,
    customer_id UUID        NOT NULL,
    shipment_id UUID,
    reason      TEXT,
    filed_by    TEXT,
    updated_at  TIMESTAMPTZ NOT NULL
);
