-- The "arriving soon" alert repeats the shipment's window, and with it how sure that window is (contracts
-- WindowConfidence): its kind, the deliveries behind it and the share of arrivals it is drawn to hold. Empty for
-- windows from events written before windows said so.
ALTER TABLE arrival_alert ADD COLUMN window_confidence TEXT, ADD COLUMN window_samples INT,
    ADD COLUMN window_coverage DOUBLE PRECISION;
