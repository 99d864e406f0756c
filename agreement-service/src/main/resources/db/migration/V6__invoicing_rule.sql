-- The invoicing rule is a term of the agreement, versioned with the others. Every agreement so far was invoiced
-- per shipment unless billing-service's configuration named it, and that configuration stays its fallback for
-- orders validated before the rule travelled with them.
ALTER TABLE agreement_version ADD COLUMN invoicing_rule TEXT NOT NULL DEFAULT 'PER_SHIPMENT'
    CHECK (invoicing_rule IN ('PER_SHIPMENT', 'MONTHLY'));
