-- The order's number as validated, so the review queue can name the order people talk about (LV-000123) rather
-- than its id. Reviews opened before OrderValidated carried it have none.
ALTER TABLE credit_review ADD COLUMN order_number TEXT;
