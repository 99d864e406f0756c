-- billing-service's invoices, credit notes and payments in the order's timeline: which invoice, what it asks and
-- by when, what is left open. Kept in columns, not only in the summary, so pages write them in the reader's
-- language and link the invoice.
ALTER TABLE order_timeline ADD COLUMN invoice_id          UUID;
ALTER TABLE order_timeline ADD COLUMN invoice_number      TEXT;
ALTER TABLE order_timeline ADD COLUMN credit_note_number  TEXT;
ALTER TABLE order_timeline ADD COLUMN amount              NUMERIC(17, 2);
ALTER TABLE order_timeline ADD COLUMN currency            TEXT;
ALTER TABLE order_timeline ADD COLUMN due_date            DATE;
ALTER TABLE order_timeline ADD COLUMN open_amount         NUMERIC(17, 2);

-- The invoices of each order (a collective invoice charges several), from InvoiceIssued: credit notes and payments
-- name only their invoice, and customer service finds an order by an invoice's number.
CREATE TABLE order_invoice (
    invoice_id     UUID NOT NULL,
    order_id       UUID NOT NULL REFERENCES customer_order (id),
    invoice_number TEXT NOT NULL,
    PRIMARY KEY (invoice_id, order_id)
);

CREATE INDEX order_invoice_number ON order_invoice (upper(invoice_number));
CREATE INDEX order_invoice_order ON order_invoice (order_id);
