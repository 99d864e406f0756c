-- Every change a person may see on the live stream, in the order it was recorded. The id is the SSE event id:
-- a client that reconnects with Last-Event-ID gets the rows after it that it may see.
CREATE TABLE stream_event (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_name      TEXT        NOT NULL,
    customer_id     UUID,
    -- the delivery sites the change concerns (one for a shipment, each line's site for an order)
    site_ids        UUID[]      NOT NULL DEFAULT '{}',
    order_id        UUID,
    shipment_id     UUID,
    -- the ce_id of the Kafka event this row came from
    source_event_id TEXT        NOT NULL,
    data            TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX stream_event_customer ON stream_event (customer_id, id);
CREATE INDEX stream_event_sites ON stream_event USING GIN (site_ids);
CREATE INDEX stream_event_created_at ON stream_event (created_at);

-- What this service has learned about orders from their events: the number to show and the sites they deliver
-- to, so a receiver can follow order status changes for orders coming to his site.
CREATE TABLE known_order (
    order_id     UUID PRIMARY KEY,
    order_number TEXT,
    customer_id  UUID        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE order_site (
    order_id UUID NOT NULL,
    site_id  UUID NOT NULL,
    PRIMARY KEY (order_id, site_id)
);
