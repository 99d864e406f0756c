-- Demo history for Rakennus Oy (profile demo): a delivered order anna can reorder from, and a cancelled one.
-- Repeatable and idempotent, so it never competes with versioned migrations for a number. Ids are fixed:
--   d1111111-0000-0000-0000-000000000001  delivered, two lines, Jätkäsaari
--   d1111111-0000-0000-0000-000000000002  cancelled before validation, Pasila
-- Order numbers come from the sequence like any other order's.

INSERT INTO customer_order (id, order_number, customer_id, placed_by, placed_at, purchase_order_number, delivery_mode,
    requested_date, requested_from, requested_to, note, status, status_reasons, validation_outcome,
    validation_reasons, credit_outcome, credit_reasons, agreement_id, agreement_number, goods, freight, total,
    currency, payment_terms_code, payment_terms_days, payment_due_date, sites, shipments_in_order, updated_at)
SELECT 'd1111111-0000-0000-0000-000000000001', 'LV-' || lpad(nextval('order_number_seq')::text, 6, '0'),
    '11111111-1111-1111-1111-111111111111', 'anna', TIMESTAMPTZ '2026-10-12 08:15:00+00', 'PO-4650',
    'SPLIT_ALLOWED', DATE '2026-10-15', TIME '07:00', TIME '09:00', 'Deliver to gate B', 'DELIVERED', '[]',
    'VALIDATED', '[]', 'CREDIT_RESERVED', '[]', 'a1111111-0000-0000-0000-000000000001', 'AG-2026-0001',
    2514.00, 0.00, 2514.00, 'EUR', 'NET_30', 30, DATE '2026-11-11',
    '[{"siteId":"11111111-0000-0000-0000-000000000001","name":"Site Jätkäsaari","street":"Jätkäsaarenlaituri 1","postalCode":"00220","city":"Helsinki","countryCode":"FI","receiverName":"Mikko Mäkinen","receiverPhone":"+358 40 555 0101"}]',
    1, TIMESTAMPTZ '2026-10-15 07:40:00+00'
WHERE NOT EXISTS (SELECT 1 FROM customer_order WHERE id = 'd1111111-0000-0000-0000-000000000001');

INSERT INTO order_line (order_id, line_no, sku, quantity, package_size, site_id, name, product_group, unit,
    list_price, unit_price, line_total, available_from)
VALUES ('d1111111-0000-0000-0000-000000000001', 1, 'CEM-25KG', 200, 'PALLET', '11111111-0000-0000-0000-000000000001',
        'Cement 25 kg', 'CEMENT', 'BAG', 9.90, 8.40, 1680.00, DATE '2026-10-13'),
       ('d1111111-0000-0000-0000-000000000001', 2, 'PLY-18MM', 30, 'PALLET', '11111111-0000-0000-0000-000000000001',
        'Plywood 18 mm', 'TIMBER', 'SHEET', 30.89, 27.80, 834.00, DATE '2026-10-13')
ON CONFLICT DO NOTHING;

INSERT INTO customer_order (id, order_number, customer_id, placed_by, placed_at, purchase_order_number, delivery_mode,
    requested_date, requested_from, requested_to, note, status, status_reasons, updated_at)
SELECT 'd1111111-0000-0000-0000-000000000002', 'LV-' || lpad(nextval('order_number_seq')::text, 6, '0'),
    '11111111-1111-1111-1111-111111111111', 'anna', TIMESTAMPTZ '2026-11-02 10:05:00+00', 'PO-4702', 'COMPLETE',
    DATE '2026-11-06', TIME '09:00', TIME '12:00', NULL, 'CANCELLED',
    '[{"code":"CANCELLED_BY_CUSTOMER","message":"Cancelled by anna: ordered twice","lineNo":null}]',
    TIMESTAMPTZ '2026-11-02 10:09:00+00'
WHERE NOT EXISTS (SELECT 1 FROM customer_order WHERE id = 'd1111111-0000-0000-0000-000000000002');

INSERT INTO order_line (order_id, line_no, sku, quantity, package_size, site_id)
VALUES ('d1111111-0000-0000-0000-000000000002', 1, 'CEM-25KG', 40, 'PALLET', '11111111-0000-0000-0000-000000000002')
ON CONFLICT DO NOTHING;

INSERT INTO order_timeline (order_id, recorded_at, occurred_at, type, summary, status, reason)
SELECT t.order_id::uuid, t.at, t.at, t.type, t.summary, t.status, t.reason
FROM (VALUES
    ('d1111111-0000-0000-0000-000000000001', TIMESTAMPTZ '2026-10-12 08:15:00+00', 'OrderPlaced', 'Placed by anna with 2 line(s)', 'PLACED', NULL),
    ('d1111111-0000-0000-0000-000000000001', TIMESTAMPTZ '2026-10-12 08:15:02+00', 'OrderValidated', 'Validated against AG-2026-0001 total 2514.00 EUR', NULL, NULL),
    ('d1111111-0000-0000-0000-000000000001', TIMESTAMPTZ '2026-10-12 08:15:02+00', 'OrderStatusChanged', 'Order is now VALIDATED', 'VALIDATED', NULL),
    ('d1111111-0000-0000-0000-000000000001', TIMESTAMPTZ '2026-10-12 08:15:03+00', 'CreditReserved', 'Credit reserved: 2514.00 EUR by rules', NULL, NULL),
    ('d1111111-0000-0000-0000-000000000001', TIMESTAMPTZ '2026-10-12 08:15:03+00', 'OrderAccepted', 'Order is now ACCEPTED', 'ACCEPTED', NULL),
    ('d1111111-0000-0000-0000-000000000001', TIMESTAMPTZ '2026-10-15 05:10:00+00', 'OrderStatusChanged', 'Order is now IN_DELIVERY', 'IN_DELIVERY', NULL),
    ('d1111111-0000-0000-0000-000000000001', TIMESTAMPTZ '2026-10-15 07:40:00+00', 'OrderDelivered', 'Order is now DELIVERED', 'DELIVERED', NULL),
    ('d1111111-0000-0000-0000-000000000002', TIMESTAMPTZ '2026-11-02 10:05:00+00', 'OrderPlaced', 'Placed by anna with 1 line(s)', 'PLACED', NULL),
    ('d1111111-0000-0000-0000-000000000002', TIMESTAMPTZ '2026-11-02 10:09:00+00', 'OrderCancelled', 'Cancelled by anna while PLACED', 'CANCELLED', 'ordered twice')
) AS t(order_id, at, type, summary, status, reason)
WHERE NOT EXISTS (SELECT 1 FROM order_timeline x WHERE x.order_id = t.order_id::uuid);
