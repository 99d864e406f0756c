-- The delivery sites agreement events name, and whose they are: which customer a site belongs to, known from the
-- agreement topic alone (notification-service no longer asks agreement-service). A site keeps its customer once
-- named, also when a later agreement version leaves it out. The topic is read from its beginning when this service
-- first subscribes to it, and agreement-service announces every agreement once with its sites (AgreementBackfill),
-- so sites older than this table arrive too.
CREATE TABLE agreement_site (
    site_id      UUID PRIMARY KEY,
    customer_id  UUID        NOT NULL,
    agreement_id UUID        NOT NULL,
    name         TEXT,
    city         TEXT,
    country_code TEXT,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX agreement_site_customer ON agreement_site (customer_id);
