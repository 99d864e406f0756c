-- Events waiting to be sent (sent_at IS NULL) and, for a while, those already sent.
CREATE TABLE outbox_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    subject     TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    payload     TEXT        NOT NULL,
    sent_at     TIMESTAMPTZ
);

CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;

-- Event ids a consumer has applied, written in the same transaction as the effect.
CREATE TABLE inbox_event (
    consumer    TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_event_received_at ON inbox_event (received_at);
