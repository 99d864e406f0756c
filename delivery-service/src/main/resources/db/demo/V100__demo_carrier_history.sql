-- Demo: each carrier's last deliveries against its ETAs, so windows are PREDICTED from the first ETA on.
-- nordic-freight tends to arrive ~10 minutes late; baltic-haulage is punctual but scatters more.
INSERT INTO carrier_arrival_error (shipment_id, carrier, error_seconds, delivered_at)
SELECT md5('nf-demo-' || n)::uuid, 'nordic-freight', (ARRAY[420, 660, 540, 900, 300, 780, 600, 480, 1020, 720])[n],
       TIMESTAMPTZ '2026-10-01 09:00:00+00' + (n || ' days')::interval
FROM generate_series(1, 10) AS n;

INSERT INTO carrier_arrival_error (shipment_id, carrier, error_seconds, delivered_at)
SELECT md5('bh-demo-' || n)::uuid, 'baltic-haulage', (ARRAY[-900, 300, -300, 1200, 0, -600, 900, 120, -120, 600])[n],
       TIMESTAMPTZ '2026-10-01 09:00:00+00' + (n || ' days')::interval
FROM generate_series(1, 10) AS n;
