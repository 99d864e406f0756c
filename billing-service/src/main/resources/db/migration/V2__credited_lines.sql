-- Which line of the credited invoice a credit note's line gives back, so a line is never credited for more than
-- it charged, however many credit notes are issued against it.
ALTER TABLE invoice_line ADD COLUMN credits_line_no INT;

CREATE INDEX invoice_line_credited ON invoice_line (order_id) WHERE credits_line_no IS NOT NULL;
