-- Weight-based freight: a product's weight per unit makes an order's weight, and freight terms may charge a rate
-- per kg of it (WEIGHT, or FREE_OVER below the threshold) with an optional minimum fee.
ALTER TABLE product ADD COLUMN weight_kg NUMERIC(10, 3) NOT NULL DEFAULT 0 CHECK (weight_kg >= 0);

ALTER TABLE agreement_version DROP CONSTRAINT agreement_version_freight_terms_code_check;
ALTER TABLE agreement_version ADD CONSTRAINT agreement_version_freight_terms_code_check
    CHECK (freight_terms_code IN ('FREE_OVER', 'FLAT', 'WEIGHT', 'COLLECT'));
ALTER TABLE agreement_version ADD COLUMN freight_rate_per_kg NUMERIC(12, 4) CHECK (freight_rate_per_kg >= 0);
ALTER TABLE agreement_version ADD COLUMN freight_minimum_fee NUMERIC(12, 2) CHECK (freight_minimum_fee >= 0);
-- A charge is a flat fee or a rate per kg, never both.
ALTER TABLE agreement_version ADD CONSTRAINT agreement_version_freight_fee_or_rate
    CHECK (freight_fee IS NULL OR freight_rate_per_kg IS NULL);
