-- Demo master data (docs/flow.md "Demo master data"; ids fixed in docs/development.md). Repeatable and idempotent:
-- it re-runs when edited, refreshes the catalogue and customers, and never overwrites agreement versions an admin
-- has added since.

INSERT INTO customer (id, name, business_id, country_code, time_zone) VALUES
    ('11111111-1111-1111-1111-111111111111', 'Rakennus Oy',      'FI12345678',   'FI', 'Europe/Helsinki'),
    ('22222222-2222-2222-2222-222222222222', 'Bygg AB',          'SE5566778899', 'SE', 'Europe/Stockholm'),
    ('33333333-3333-3333-3333-333333333333', 'Kivi & Laatta Oy', 'FI87654321',   'FI', 'Europe/Helsinki')
ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, business_id = EXCLUDED.business_id,
    country_code = EXCLUDED.country_code, time_zone = EXCLUDED.time_zone;

INSERT INTO delivery_site (id, customer_id, name, street, postal_code, city, country_code, receiver_name, receiver_phone) VALUES
    ('11111111-0000-0000-0000-000000000001', '11111111-1111-1111-1111-111111111111', 'Site Jätkäsaari',
        'Jätkäsaarenlaituri 1', '00180', 'Helsinki', 'FI', 'Mikko Nieminen', '+358 40 123 4567'),
    ('11111111-0000-0000-0000-000000000002', '11111111-1111-1111-1111-111111111111', 'Site Pasila',
        'Ratapihantie 11', '00520', 'Helsinki', 'FI', 'Jussi Mäkelä', '+358 40 234 5678'),
    ('11111111-0000-0000-0000-000000000003', '11111111-1111-1111-1111-111111111111', 'Vantaa warehouse',
        'Tikkurilantie 44', '01300', 'Vantaa', 'FI', 'Sanna Laine', '+358 40 345 6789'),
    ('22222222-0000-0000-0000-000000000001', '22222222-2222-2222-2222-222222222222', 'Stockholm (Hammarby)',
        'Hammarby allé 93', '120 63', 'Stockholm', 'SE', 'Lars Berg', '+46 70 123 45 67'),
    ('33333333-0000-0000-0000-000000000001', '33333333-3333-3333-3333-333333333333', 'Tampere',
        'Hatanpään valtatie 24', '33100', 'Tampere', 'FI', 'Pekka Laatikainen', '+358 50 456 7890')
ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, street = EXCLUDED.street, postal_code = EXCLUDED.postal_code,
    city = EXCLUDED.city, country_code = EXCLUDED.country_code, receiver_name = EXCLUDED.receiver_name,
    receiver_phone = EXCLUDED.receiver_phone;

INSERT INTO product_group (code, name) VALUES
    ('CEMENT', 'Cement, mortar and concrete'),
    ('TIMBER', 'Sawn and engineered timber'),
    ('BOARDS', 'Boards and panels'),
    ('INSULATION', 'Insulation'),
    ('FASTENERS', 'Screws, nails and anchors'),
    ('STEEL', 'Reinforcement and structural steel'),
    ('TOOLS', 'Tools'),
    ('ROOFING', 'Roofing')
ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name;

-- available_in_days > 0: not in stock yet, so orders with them show split delivery. weight_kg is per unit (bag,
-- metre, piece, box, pack, roll) and drives weight-based freight.
INSERT INTO product (sku, name, product_group, unit, list_price_eur, package_sizes, available_in_days, weight_kg) VALUES
    ('CEM-25KG',         'Cement 25 kg',                              'CEMENT',     'BAG',  9.90,  '{HALF_PALLET,PALLET}', 0, 25),
    ('CEM-RAPID-25KG',   'Rapid-set cement 25 kg',                    'CEMENT',     'BAG',  14.50, '{HALF_PALLET,PALLET}', 0, 25),
    ('MORTAR-25KG',      'Masonry mortar 25 kg',                      'CEMENT',     'BAG',  7.80,  '{PARCEL,HALF_PALLET,PALLET}', 0, 25),
    ('CONC-MIX-25KG',    'Concrete mix C25/30 25 kg',                 'CEMENT',     'BAG',  6.40,  '{HALF_PALLET,PALLET}', 0, 25),
    ('SCREED-25KG',      'Floor screed 25 kg',                        'CEMENT',     'BAG',  12.90, '{PARCEL,HALF_PALLET,PALLET}', 0, 25),
    ('TILE-ADH-20KG',    'Tile adhesive 20 kg',                       'CEMENT',     'BAG',  18.50, '{PARCEL,HALF_PALLET,PALLET}', 0, 20),
    ('TIM-48x98',        'Sawn timber C24 48x98',                     'TIMBER',     'M',    2.35,  '{HALF_PALLET,PALLET}', 0, 2.2),
    ('TIM-48x148',       'Sawn timber C24 48x148',                    'TIMBER',     'M',    3.40,  '{HALF_PALLET,PALLET}', 0, 3.3),
    ('TIM-48x198',       'Sawn timber C24 48x198',                    'TIMBER',     'M',    4.60,  '{HALF_PALLET,PALLET}', 10, 4.4),
    ('TIM-22x100',       'Planed board 22x100',                       'TIMBER',     'M',    1.45,  '{PARCEL,HALF_PALLET,PALLET}', 0, 1.0),
    ('GLULAM-90x270',    'Glulam beam GL30c 90x270',                  'TIMBER',     'M',    38.00, '{PALLET}', 14, 11.7),
    ('PLY-18MM',         'Plywood 18 mm 1220x2440',                   'BOARDS',     'PCS',  42.90, '{HALF_PALLET,PALLET}', 0, 35),
    ('PLY-12MM',         'Plywood 12 mm 1220x2440',                   'BOARDS',     'PCS',  31.50, '{HALF_PALLET,PALLET}', 0, 23.5),
    ('OSB-12MM',         'OSB/3 board 12 mm 1250x2500',               'BOARDS',     'PCS',  19.90, '{HALF_PALLET,PALLET}', 0, 23),
    ('GYP-13',           'Gypsum board 13 mm 1200x2600',              'BOARDS',     'PCS',  8.90,  '{HALF_PALLET,PALLET}', 0, 25.5),
    ('GYP-13-WET',       'Moisture-resistant gypsum board 13 mm',     'BOARDS',     'PCS',  13.40, '{HALF_PALLET,PALLET}', 0, 27),
    ('MDF-18MM',         'MDF board 18 mm 1220x2440',                 'BOARDS',     'PCS',  27.80, '{HALF_PALLET,PALLET}', 0, 40),
    ('INS-100',          'Mineral wool insulation 100 mm (5.4 m²)',   'INSULATION', 'PACK', 24.90, '{PARCEL,HALF_PALLET,PALLET}', 0, 9.5),
    ('INS-150',          'Mineral wool insulation 150 mm (3.6 m²)',   'INSULATION', 'PACK', 26.50, '{PARCEL,HALF_PALLET,PALLET}', 0, 10.5),
    ('EPS-100',          'EPS insulation board 100 mm 1200x600',      'INSULATION', 'PCS',  6.20,  '{HALF_PALLET,PALLET}', 0, 0.9),
    ('XPS-50',           'XPS insulation board 50 mm 1250x600',       'INSULATION', 'PCS',  9.80,  '{HALF_PALLET,PALLET}', 12, 1.2),
    ('SCREW-5x50',       'Wood screws 5x50 mm (200 pcs)',             'FASTENERS',  'BOX',  12.90, '{PARCEL,HALF_PALLET}', 0, 1.1),
    ('SCREW-3.9x35',     'Drywall screws 3.9x35 mm (1000 pcs)',       'FASTENERS',  'BOX',  15.90, '{PARCEL,HALF_PALLET}', 0, 2.3),
    ('NAIL-75',          'Galvanised nails 75 mm (5 kg)',             'FASTENERS',  'BOX',  21.50, '{PARCEL,HALF_PALLET}', 0, 5.2),
    ('ANCHOR-M10',       'Concrete anchor bolt M10x100 (50 pcs)',     'FASTENERS',  'BOX',  34.00, '{PARCEL}', 0, 4.5),
    ('BRACKET-90',       'Angle bracket 90x90x65',                    'FASTENERS',  'PCS',  1.20,  '{PARCEL}', 0, 0.15),
    ('REBAR-12',         'Rebar B500B 12 mm x 6 m',                   'STEEL',      'PCS',  8.70,  '{PALLET}', 0, 5.33),
    ('REBAR-16',         'Rebar B500B 16 mm x 6 m',                   'STEEL',      'PCS',  15.40, '{PALLET}', 0, 9.47),
    ('MESH-6-150',       'Reinforcing mesh 6 mm 150x150, 2.35x5 m',   'STEEL',      'PCS',  29.00, '{PALLET}', 0, 26),
    ('BEAM-HEA200',      'Steel beam HEA 200',                        'STEEL',      'M',    62.00, '{PALLET}', 0, 42.3),
    ('TOOL-TROWEL',      'Steel trowel 280 mm',                       'TOOLS',      'PCS',  14.90, '{PARCEL}', 0, 0.6),
    ('TOOL-LEVEL-120',   'Spirit level 120 cm',                       'TOOLS',      'PCS',  39.00, '{PARCEL}', 0, 1.3),
    ('TOOL-MIXER',       'Paddle mixer 1600 W',                       'TOOLS',      'PCS',  189.00,'{PARCEL}', 0, 6.5),
    ('TOOL-BARROW-100',  'Wheelbarrow 100 l',                         'TOOLS',      'PCS',  79.00, '{HALF_PALLET}', 0, 17),
    ('ROOF-UNDERLAY',    'Roofing underlay 1x25 m',                   'ROOFING',    'ROLL', 54.00, '{PARCEL,HALF_PALLET,PALLET}', 0, 6),
    ('ROOF-SHEET-2M',    'Steel roof sheet 2 m',                      'ROOFING',    'PCS',  24.50, '{PALLET}', 11, 9.5)
ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, product_group = EXCLUDED.product_group, unit = EXCLUDED.unit,
    list_price_eur = EXCLUDED.list_price_eur, package_sizes = EXCLUDED.package_sizes,
    available_in_days = EXCLUDED.available_in_days, weight_kg = EXCLUDED.weight_kg;

INSERT INTO agreement (id, number, customer_id, currency, valid_from, valid_to) VALUES
    ('a1111111-0000-0000-0000-000000000001', 'AG-2026-0001', '11111111-1111-1111-1111-111111111111', 'EUR', DATE '2026-01-01', NULL),
    ('a2222222-0000-0000-0000-000000000001', 'AG-2026-0002', '22222222-2222-2222-2222-222222222222', 'SEK', DATE '2026-01-01', NULL),
    ('a3333333-0000-0000-0000-000000000001', 'AG-2026-0003', '33333333-3333-3333-3333-333333333333', 'EUR', DATE '2026-01-01', NULL)
ON CONFLICT (id) DO NOTHING;

-- Bygg AB's list prices are EUR list prices times its fixed price-list rate 11.20 SEK/EUR. Kivi & Laatta ships
-- heavy tile and mortar loads, so below 5000.00 it pays by weight: 0.12 EUR/kg, at least 120.00.
INSERT INTO agreement_version (agreement_id, version, effective_from, payment_terms_code, payment_days,
        freight_terms_code, freight_threshold, freight_fee, freight_rate_per_kg, freight_minimum_fee,
        split_delivery_allowed, multiple_sites_allowed, package_sizes, min_lead_time_days, delivery_slots,
        list_price_rate, assortment_groups) VALUES
    ('a1111111-0000-0000-0000-000000000001', 1, DATE '2026-01-01', 'NET_30', 30, 'FREE_OVER', 2000.00, 95.00, NULL, NULL,
        TRUE, TRUE, '{PARCEL,HALF_PALLET,PALLET}', 1, '{07:00-09:00,09:00-12:00,12:00-16:00}', 1, NULL),
    ('a2222222-0000-0000-0000-000000000001', 1, DATE '2026-01-01', 'NET_14', 14, 'FLAT', NULL, 450.00, NULL, NULL,
        FALSE, FALSE, '{PALLET,HALF_PALLET}', 2, '{07:00-10:00,10:00-14:00}', 11.20, '{CEMENT,TIMBER,FASTENERS}'),
    ('a3333333-0000-0000-0000-000000000001', 1, DATE '2026-01-01', 'NET_30', 30, 'FREE_OVER', 5000.00, NULL, 0.12, 120.00,
        TRUE, FALSE, '{PARCEL,HALF_PALLET,PALLET}', 1, '{07:00-09:00,09:00-12:00,12:00-16:00}', 1, NULL)
ON CONFLICT (agreement_id, version) DO NOTHING;

-- Databases seeded before weight-based freight had Kivi & Laatta's first version as FREE_OVER 5000.00/120.00 flat;
-- move exactly that seed to the weight-based terms, and leave anything an admin changed alone.
UPDATE agreement_version SET freight_fee = NULL, freight_rate_per_kg = 0.12, freight_minimum_fee = 120.00
WHERE agreement_id = 'a3333333-0000-0000-0000-000000000001' AND version = 1 AND freight_terms_code = 'FREE_OVER'
  AND freight_threshold = 5000.00 AND freight_fee = 120.00 AND freight_rate_per_kg IS NULL;

INSERT INTO agreement_site (agreement_id, version, site_id) VALUES
    ('a1111111-0000-0000-0000-000000000001', 1, '11111111-0000-0000-0000-000000000001'),
    ('a1111111-0000-0000-0000-000000000001', 1, '11111111-0000-0000-0000-000000000002'),
    ('a1111111-0000-0000-0000-000000000001', 1, '11111111-0000-0000-0000-000000000003'),
    ('a2222222-0000-0000-0000-000000000001', 1, '22222222-0000-0000-0000-000000000001'),
    ('a3333333-0000-0000-0000-000000000001', 1, '33333333-0000-0000-0000-000000000001')
ON CONFLICT DO NOTHING;

INSERT INTO agreement_price (agreement_id, version, sku, price) VALUES
    ('a1111111-0000-0000-0000-000000000001', 1, 'CEM-25KG', 8.40)
ON CONFLICT DO NOTHING;

INSERT INTO agreement_group_discount (agreement_id, version, product_group, discount_percent) VALUES
    ('a1111111-0000-0000-0000-000000000001', 1, 'TIMBER', 10.00),
    ('a2222222-0000-0000-0000-000000000001', 1, 'CEMENT', 5.00)
ON CONFLICT DO NOTHING;

-- The demo users of auth-server as agreement members (docs/development.md). An admin's later changes stay.
INSERT INTO agreement_member (agreement_id, username, name, role, site_ids) VALUES
    ('a1111111-0000-0000-0000-000000000001', 'liisa', 'Liisa Korhonen', 'AGREEMENT_MANAGER', '{}'),
    ('a1111111-0000-0000-0000-000000000001', 'anna', 'Anna Virtanen', 'ORDERER', '{}'),
    ('a1111111-0000-0000-0000-000000000001', 'mikko', 'Mikko Nieminen', 'RECEIVER',
        '{11111111-0000-0000-0000-000000000001}'),
    ('a2222222-0000-0000-0000-000000000001', 'erik', 'Erik Lindqvist', 'ORDERER', '{}'),
    ('a3333333-0000-0000-0000-000000000001', 'kalle', 'Kalle Mäkinen', 'ORDERER', '{}')
ON CONFLICT DO NOTHING;
