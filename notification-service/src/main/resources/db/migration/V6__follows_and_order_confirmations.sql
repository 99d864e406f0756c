-- What a customer service person follows: one order or one whole customer per row. They then get the changes of
-- those on the live stream (and by e-mail if they chose it), instead of every customer's changes.
CREATE TABLE follow (
    id          UUID PRIMARY KEY,
    subject     TEXT        NOT NULL,
    order_id    UUID,
    customer_id UUID,
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK ((order_id IS NULL) <> (customer_id IS NULL))
);

-- Following the same thing twice is one follow.
CREATE UNIQUE INDEX follow_order ON follow (subject, order_id) WHERE order_id IS NOT NULL;
CREATE UNIQUE INDEX follow_customer ON follow (subject, customer_id) WHERE customer_id IS NOT NULL;

-- What the order confirmation e-mail shows beyond the status change: the priced lines and totals (from
-- OrderAccepted, or OrderValidated if it comes first) and the payment and freight terms (from OrderValidated).
CREATE TABLE order_confirmation (
    order_id           UUID PRIMARY KEY,
    lines              TEXT,
    totals             TEXT,
    payment_terms      TEXT,
    freight_terms_code TEXT,
    updated_at         TIMESTAMPTZ NOT NULL
);
