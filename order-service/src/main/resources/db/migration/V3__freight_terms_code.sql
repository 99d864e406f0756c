-- The freight terms OrderValidated names, so OrderAccepted carries them with the payment terms and the order
-- confirmation needs no second topic. Orders validated before this column existed have none.
ALTER TABLE customer_order ADD COLUMN freight_terms_code TEXT;
