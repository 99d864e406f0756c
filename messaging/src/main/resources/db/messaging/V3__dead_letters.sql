-- Records a consumer gave up on, as they were received, and what an operator decided about each: the dead-letter
-- topic holds them too, but a topic cannot say which ones were dealt with. Payload and key are kept as bytes: a
-- record that is dead because it is unreadable must still be shown and replayed exactly.
CREATE TABLE dead_letter (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer_group TEXT        NOT NULL,
    topic          TEXT        NOT NULL,
    partition      INT         NOT NULL,
    record_offset  BIGINT      NOT NULL,
    record_key     BYTEA,
    headers        TEXT        NOT NULL,
    payload        BYTEA,
    event_id       TEXT,
    event_type     TEXT,
    failure        TEXT        NOT NULL,
    failed_at      TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL DEFAULT 'PENDING',
    decided_by     TEXT,
    decided_at     TIMESTAMPTZ,
    note           TEXT,
    UNIQUE (consumer_group, topic, partition, record_offset)
);

CREATE INDEX dead_letter_pending ON dead_letter (id) WHERE status = 'PENDING';
