-- Demo: 120 past deliveries per carrier with their planned slot and the ETAs given 5 h, 2 h, 1 h and 20 min before
-- arrival, so demo windows are calibrated from the first ETA on. nordic-freight runs about ten minutes late and
-- keeps to it; baltic-haulage is punctual on average but scatters, more so the further out its ETA.
-- The scatter is deterministic (a hash of the delivery and horizon), so every demo database is the same.
INSERT INTO arrival_delivery (shipment_id, carrier, delivered_at)
SELECT md5(c.code || '-calibration-' || n)::uuid, c.code,
       TIMESTAMPTZ '2026-08-01 08:00:00+00' + n * INTERVAL '12 hours'
FROM (VALUES ('nordic-freight'), ('baltic-haulage')) AS c(code), generate_series(1, 120) AS n;

WITH noise AS (
    SELECT d.shipment_id, d.carrier, d.delivered_at, h.minutes,
           -- uniform in [-1, 1]
           ((abs(hashtext(d.shipment_id::text || '-' || h.minutes)) % 2001) - 1000) / 1000.0 AS u
    FROM arrival_delivery d, (VALUES (300), (120), (60), (20)) AS h(minutes)
    WHERE d.shipment_id IN (SELECT md5(c.code || '-calibration-' || n)::uuid
                            FROM (VALUES ('nordic-freight'), ('baltic-haulage')) AS c(code), generate_series(1, 120) AS n)
), eta AS (
    SELECT shipment_id, delivered_at, minutes,
           -- actual minus ETA, in minutes
           CASE carrier WHEN 'nordic-freight' THEN 10 + u * (3 + 2 * minutes / 60.0)
                        ELSE u * (8 + 5 * minutes / 60.0) END AS error
    FROM noise
)
INSERT INTO arrival_sample (shipment_id, source, band, given_at, expected_from, expected_to, horizon_seconds)
SELECT shipment_id, 'demo-eta-' || minutes,
       CASE WHEN minutes - error >= 720 THEN 'DAY_BEFORE'
            WHEN minutes - error >= 240 THEN 'H_4_TO_12'
            WHEN minutes - error >= 90 THEN 'H_1_5_TO_4'
            WHEN minutes - error >= 30 THEN 'MIN_30_TO_90'
            ELSE 'UNDER_30_MIN' END,
       delivered_at - minutes * INTERVAL '1 minute',
       delivered_at - error * INTERVAL '1 minute',
       delivered_at - error * INTERVAL '1 minute',
       minutes * 60
FROM eta;

-- The slot was two hours; nordic-freight lands inside it, baltic-haulage now and then up to 40 minutes either side.
INSERT INTO arrival_sample (shipment_id, source, band, given_at, expected_from, expected_to, horizon_seconds)
SELECT d.shipment_id, 'planned-slot', 'PLANNED_SLOT', d.delivered_at - INTERVAL '2 days',
       d.delivered_at - slot.into_slot * INTERVAL '1 minute',
       d.delivered_at - (slot.into_slot - 120) * INTERVAL '1 minute',
       2 * 86400
FROM arrival_delivery d
CROSS JOIN LATERAL (SELECT CASE d.carrier
        WHEN 'nordic-freight' THEN 10 + (abs(hashtext(d.shipment_id::text || '-slot')) % 101)
        ELSE -40 + (abs(hashtext(d.shipment_id::text || '-slot')) % 201) END AS into_slot) AS slot
WHERE d.shipment_id IN (SELECT md5(c.code || '-calibration-' || n)::uuid
                        FROM (VALUES ('nordic-freight'), ('baltic-haulage')) AS c(code), generate_series(1, 120) AS n);
