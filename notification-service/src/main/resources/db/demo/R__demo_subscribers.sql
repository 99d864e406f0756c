-- Repeatable, so later versioned migrations never fall "below" demo data in the history.
-- The demo people (docs/development.md), known before they first sign in so that e-mail works from the start.
-- email_events NULL: each gets the defaults of their roles.
INSERT INTO subscriber (subject, name, email, locale, roles, customer_id, site_ids, email_events, updated_at) VALUES
  ('anna',  'Anna Virtanen',  'anna@rakennus.example',  'fi', '{ORDERER}',           '11111111-1111-1111-1111-111111111111', '{}', NULL, now()),
  ('liisa', 'Liisa Korhonen', 'liisa@rakennus.example', 'fi', '{AGREEMENT_MANAGER}', '11111111-1111-1111-1111-111111111111', '{}', NULL, now()),
  ('mikko', 'Mikko Nieminen', 'mikko@rakennus.example', 'fi', '{RECEIVER}',          '11111111-1111-1111-1111-111111111111',
            '{11111111-0000-0000-0000-000000000001}', NULL, now()),
  ('erik',  'Erik Lindqvist', 'erik@bygg.example',      'sv', '{ORDERER}',           '22222222-2222-2222-2222-222222222222', '{}', NULL, now()),
  ('kalle', 'Kalle Mäkinen',  'kalle@kivilaatta.example', 'fi', '{ORDERER}',         '33333333-3333-3333-3333-333333333333', '{}', NULL, now()),
  ('sara',  'Sara Holm',      'sara@supplier.example',  'en', '{CUSTOMER_SERVICE}',  NULL, '{}', NULL, now()),
  ('admin', 'Supplier Admin', 'admin@supplier.example', 'en', '{ADMIN}',             NULL, '{}', NULL, now())
ON CONFLICT (subject) DO NOTHING;

-- Site Jätkäsaari: its receivers (mikko) get arriving soon, window changes, deliveries and claims by e-mail, arriving
-- soon 30 minutes before the window starts. The site's agreement manager or receivers change it at
-- /api/subscriptions/sites/11111111-0000-0000-0000-000000000001.
INSERT INTO site_subscription (site_id, customer_id, email_events, also_notify, arrival_lead_minutes, updated_by,
                               updated_at) VALUES
  ('11111111-0000-0000-0000-000000000001', '11111111-1111-1111-1111-111111111111',
   '{shipment.arriving,shipment.window-changed,shipment.delivered,claim.updated}', '{}', 30, 'demo', now())
ON CONFLICT (site_id) DO NOTHING;
