-- The customer's name as agreement-service's OrderValidated names it, so customer service can find orders by the
-- name a caller gives. Orders validated before the event carried it have none.
ALTER TABLE customer_order ADD COLUMN customer_name TEXT;

-- Partial, case-insensitive name search ("rakennus") without reading every row.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX customer_order_customer_name ON customer_order USING gin (lower(customer_name) gin_trgm_ops);

-- A shipment entry's delivery window as instants, so pages show it in the viewer's time zone; the summary text
-- no longer spells out instants in UTC.
ALTER TABLE order_timeline ADD COLUMN window_from  TIMESTAMPTZ;
ALTER TABLE order_timeline ADD COLUMN window_to    TIMESTAMPTZ;
ALTER TABLE order_timeline ADD COLUMN window_basis TEXT;
