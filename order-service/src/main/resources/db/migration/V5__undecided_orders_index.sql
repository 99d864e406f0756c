-- Admission reads how many orders wait for validation and credit several times a second: a partial index keeps that
-- count as cheap as the (small) number of such orders, however many orders are on file.
CREATE INDEX customer_order_undecided ON customer_order (status) WHERE status IN ('PLACED', 'VALIDATED');
