-- A customer's system that wants the changes of that customer's orders and shipments, signed per
-- Standard Webhooks (https://www.standardwebhooks.com) with the endpoint's own secret.
CREATE TABLE webhook_endpoint (
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL,
    url         TEXT        NOT NULL,
    events      TEXT[]      NOT NULL,
    secret      TEXT        NOT NULL,
    description TEXT,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    deleted_at  TIMESTAMPTZ
);

CREATE INDEX webhook_endpoint_customer ON webhook_endpoint (customer_id) WHERE deleted_at IS NULL;

CREATE TABLE webhook_cursor (
    id                   INT PRIMARY KEY CHECK (id = 1),
    last_stream_event_id BIGINT NOT NULL
);

INSERT INTO webhook_cursor (id, last_stream_event_id) VALUES (1, 0);

-- One message to one endpoint. The payload is fixed when planned, so every retry sends the same signed body under
-- the same webhook-id. next_attempt_at doubles as a lease while an instance is sending.
CREATE TABLE webhook_delivery (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id      UUID        NOT NULL REFERENCES webhook_endpoint (id),
    stream_event_id  BIGINT      NOT NULL,
    message_id       TEXT        NOT NULL,
    payload          TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_status_code INT,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ,
    UNIQUE (endpoint_id, stream_event_id)
);

CREATE INDEX webhook_delivery_pending ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
