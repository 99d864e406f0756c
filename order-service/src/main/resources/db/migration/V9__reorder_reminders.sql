-- A buyer's answer to a reorder suggestion: snoozed until a day, or dismissed for the cycle that ends with the order
-- of last_ordered (a later order of the product starts a new cycle, which may be suggested again).
CREATE TABLE reorder_reminder (
    customer_id     UUID NOT NULL,
    site_id         UUID NOT NULL,
    sku             TEXT NOT NULL,
    snoozed_until   DATE,
    dismissed_cycle DATE,
    PRIMARY KEY (customer_id, site_id, sku)
);

