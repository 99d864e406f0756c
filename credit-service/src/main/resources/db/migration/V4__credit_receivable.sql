-- Unpaid invoices. Once an order is invoiced its reservation gives way to the invoice's receivable, and the account's
-- exposure is the open reservations plus the open receivables (both kept on credit_account.exposure, changed in the
-- same transaction as the row they follow, under the account's row lock).
CREATE TABLE receivable (
    invoice_id     UUID PRIMARY KEY,
    invoice_number TEXT          NOT NULL,
    customer_id    UUID          NOT NULL REFERENCES credit_account (customer_id),
    amount         NUMERIC(19,2) NOT NULL CHECK (amount >= 0),
    open_amount    NUMERIC(19,2) NOT NULL CHECK (open_amount >= 0),
    currency       CHAR(3)       NOT NULL,
    due_date       DATE          NOT NULL,
    issued_at      TIMESTAMPTZ   NOT NULL
);

-- A decision asks for the customer's oldest unpaid due date: one index row, however many invoices are on file.
CREATE INDEX receivable_open_by_customer ON receivable (customer_id, due_date) WHERE open_amount > 0;
