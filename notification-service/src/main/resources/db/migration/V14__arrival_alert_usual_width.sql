-- The "arriving soon" alert also says when its window is wider than receivers are usually promised this close to
-- delivery (contracts WindowConfidence.usualWidthMinutes: 60 or 120), as the pages do. Null for a window that keeps
-- the promise, and for alerts stored before the alert kept it.
ALTER TABLE arrival_alert ADD COLUMN window_usual_width_minutes INT;
