-- What staff did on a customer's behalf, so the customer and the supplier can look back on who did it and when.
CREATE TABLE audit_entry (
    id             BIGSERIAL   PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL,
    actor          TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    customer_id    UUID        NOT NULL,
    customer_name  TEXT,
    order_id       UUID,
    summary        TEXT        NOT NULL
);

CREATE INDEX audit_entry_customer ON audit_entry (customer_id, at DESC);
CREATE INDEX audit_entry_order ON audit_entry (order_id);
