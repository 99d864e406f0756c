-- Demo customers (ids fixed in docs/development.md and docs/flow.md), limits from docs/flow.md.
INSERT INTO credit_account (customer_id, business_id, company_name, currency, credit_limit, updated_by)
VALUES ('11111111-1111-1111-1111-111111111111', 'FI12345678', 'Rakennus Oy', 'EUR', 50000.00, 'demo'),
       ('22222222-2222-2222-2222-222222222222', 'SE5566778899', 'Bygg AB', 'SEK', 400000.00, 'demo'),
       ('33333333-3333-3333-3333-333333333333', 'FI87654321', 'Kivi & Laatta Oy', 'EUR', 20000.00, 'demo')
ON CONFLICT (customer_id) DO NOTHING;
