-- The invoicing rule of the agreement the order was validated under, as OrderValidated carries it. NULL for orders
-- validated before the rule travelled with them: those fall back to leverans.billing.invoicing.agreements.
ALTER TABLE billed_order ADD COLUMN invoicing_rule TEXT;
