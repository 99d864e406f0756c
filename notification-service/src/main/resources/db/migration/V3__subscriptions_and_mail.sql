-- The people this service can notify, as their access token last described them (refreshed on every call they
-- make), and what they chose to get by e-mail.
CREATE TABLE subscriber (
    subject      TEXT PRIMARY KEY,
    name         TEXT,
    email        TEXT,
    locale       TEXT,
    roles        TEXT[]      NOT NULL DEFAULT '{}',
    customer_id  UUID,
    site_ids     UUID[]      NOT NULL DEFAULT '{}',
    -- stream event names wanted by e-mail; NULL means "the defaults of my roles"
    email_events TEXT[],
    updated_at   TIMESTAMPTZ NOT NULL
);

-- How far the mail planner has read stream_event. One row; the instance holding its lock plans, others skip.
CREATE TABLE mail_cursor (
    id                   INT PRIMARY KEY CHECK (id = 1),
    last_stream_event_id BIGINT NOT NULL
);

INSERT INTO mail_cursor (id, last_stream_event_id) VALUES (1, 0);

-- One e-mail to one person about one stream event; sent once, retried with back-off while the mail server fails.
CREATE TABLE mail_delivery (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_event_id BIGINT      NOT NULL,
    subject         TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    locale          TEXT,
    event_name      TEXT        NOT NULL,
    data            TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    UNIQUE (stream_event_id, subject)
);

CREATE INDEX mail_delivery_pending ON mail_delivery (next_attempt_at) WHERE status = 'PENDING';
