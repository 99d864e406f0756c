-- Customers and where they take deliveries.
CREATE TABLE customer (
    id           UUID PRIMARY KEY,
    name         TEXT NOT NULL,
    business_id  TEXT NOT NULL UNIQUE,
    country_code CHAR(2) NOT NULL,
    -- Dates in agreements (order date, due date, lead time) are the customer's calendar days.
    time_zone    TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE delivery_site (
    id             UUID PRIMARY KEY,
    customer_id    UUID NOT NULL REFERENCES customer (id),
    name           TEXT NOT NULL,
    street         TEXT NOT NULL,
    postal_code    TEXT NOT NULL,
    city           TEXT NOT NULL,
    country_code   CHAR(2) NOT NULL,
    receiver_name  TEXT NOT NULL,
    receiver_phone TEXT NOT NULL
);

CREATE INDEX delivery_site_customer ON delivery_site (customer_id);

-- The product catalogue. List prices are in EUR; an agreement in another currency converts them with its own
-- fixed price-list rate.
CREATE TABLE product_group (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE product (
    sku                TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    product_group      TEXT NOT NULL REFERENCES product_group (code),
    unit               TEXT NOT NULL,
    list_price_eur     NUMERIC(12, 2) NOT NULL CHECK (list_price_eur > 0),
    package_sizes      TEXT[] NOT NULL,
    -- Availability as a lead time from today, so demo data stays current: 0 = in stock now.
    available_in_days  INT NOT NULL DEFAULT 0 CHECK (available_in_days >= 0)
);

CREATE INDEX product_group_idx ON product (product_group);

-- Codes are matched case-insensitively (quick order by typing), so two codes may not differ only in case.
CREATE UNIQUE INDEX product_sku_upper ON product (upper(sku));

-- An agreement is valid from validFrom to validTo (open-ended when null). Its terms live in versions: a change
-- makes a new version effective from a date, and an order is priced by the version in force when it was placed.
CREATE TABLE agreement (
    id          UUID PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    customer_id UUID NOT NULL REFERENCES customer (id),
    currency    CHAR(3) NOT NULL,
    valid_from  DATE NOT NULL,
    valid_to    DATE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE INDEX agreement_customer ON agreement (customer_id, valid_from);

CREATE TABLE agreement_version (
    agreement_id           UUID NOT NULL REFERENCES agreement (id),
    version                INT NOT NULL CHECK (version > 0),
    effective_from         DATE NOT NULL,
    payment_terms_code     TEXT NOT NULL,
    payment_days           INT NOT NULL CHECK (payment_days >= 0),
    freight_terms_code     TEXT NOT NULL CHECK (freight_terms_code IN ('FREE_OVER', 'FLAT', 'COLLECT')),
    freight_threshold      NUMERIC(12, 2),
    freight_fee            NUMERIC(12, 2),
    split_delivery_allowed BOOLEAN NOT NULL,
    multiple_sites_allowed BOOLEAN NOT NULL,
    package_sizes          TEXT[] NOT NULL,
    min_lead_time_days     INT NOT NULL CHECK (min_lead_time_days >= 0),
    delivery_slots         TEXT[] NOT NULL,
    -- agreement currency units per EUR of list price (1 for EUR agreements)
    list_price_rate        NUMERIC(12, 4) NOT NULL CHECK (list_price_rate > 0),
    -- product groups the customer may order; NULL means the whole catalogue
    assortment_groups      TEXT[],
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (agreement_id, version),
    UNIQUE (agreement_id, effective_from)
);

CREATE TABLE agreement_site (
    agreement_id UUID NOT NULL,
    version      INT NOT NULL,
    site_id      UUID NOT NULL REFERENCES delivery_site (id),
    PRIMARY KEY (agreement_id, version, site_id),
    FOREIGN KEY (agreement_id, version) REFERENCES agreement_version (agreement_id, version)
);

CREATE TABLE agreement_price (
    agreement_id UUID NOT NULL,
    version      INT NOT NULL,
    sku          TEXT NOT NULL REFERENCES product (sku),
    price        NUMERIC(12, 2) NOT NULL CHECK (price >= 0),
    PRIMARY KEY (agreement_id, version, sku),
    FOREIGN KEY (agreement_id, version) REFERENCES agreement_version (agreement_id, version)
);

CREATE TABLE agreement_group_discount (
    agreement_id     UUID NOT NULL,
    version          INT NOT NULL,
    product_group    TEXT NOT NULL REFERENCES product_group (code),
    discount_percent NUMERIC(5, 2) NOT NULL CHECK (discount_percent > 0 AND discount_percent < 100),
    PRIMARY KEY (agreement_id, version, product_group),
    FOREIGN KEY (agreement_id, version) REFERENCES agreement_version (agreement_id, version)
);

-- Every validation outcome, one per order: what the order was checked against and what came of it.
CREATE TABLE order_validation (
    order_id          UUID PRIMARY KEY,
    customer_id       UUID,
    agreement_id      UUID,
    agreement_version INT,
    outcome           TEXT NOT NULL CHECK (outcome IN ('VALIDATED', 'FAILED')),
    reason_codes      TEXT[] NOT NULL,
    total             NUMERIC(14, 2),
    currency          CHAR(3),
    source_event_id   TEXT NOT NULL,
    validated_at      TIMESTAMPTZ NOT NULL
);
