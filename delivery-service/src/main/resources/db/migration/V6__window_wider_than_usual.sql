-- A window wider than the width receivers are usually promised this close to delivery says so, with that width
-- (WindowConfidence.usualWidthMinutes); null for every window that keeps the promise, and for older rows.
ALTER TABLE shipment ADD COLUMN window_usual_width_minutes integer;
ALTER TABLE shipment_window ADD COLUMN usual_width_minutes integer;
