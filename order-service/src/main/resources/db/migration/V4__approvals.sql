-- The third decision an order may need: an agreement manager's approval when it is above a spending limit
-- (agreement-service decides that; the order then waits as AWAITING_APPROVAL). `approval` keeps what the order's
-- page shows about it: why, who may approve, until when, and who decided when.
ALTER TABLE customer_order
    ADD COLUMN approval_outcome TEXT,
    ADD COLUMN approval_reasons JSONB,
    ADD COLUMN approval         JSONB;
