-- Every try of a webhook message, so a customer can see what was sent when and what their receiver answered. The
-- excerpt is bounded by the dispatcher: a receiver cannot fill our database with its error pages.
CREATE TABLE webhook_attempt (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id      BIGINT      NOT NULL REFERENCES webhook_delivery (id),
    attempted_at     TIMESTAMPTZ NOT NULL,
    duration_ms      INT         NOT NULL,
    status_code      INT,
    response_excerpt TEXT,
    error            TEXT,
    -- true when a person asked for this try (redeliver), not the retry schedule
    manual           BOOLEAN     NOT NULL DEFAULT FALSE
);

CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);

-- The delivery log lists an endpoint's messages newest first.
CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, id DESC);

-- A redelivery asked for by a person: one more try of the same message, outside the retry schedule.
ALTER TABLE webhook_delivery ADD COLUMN redelivery_requested_at TIMESTAMPTZ;

-- Secret rotation keeps the previous secret until previous_secret_expires_at; until then every message is signed
-- with both, so the receiver can switch at its own pace.
ALTER TABLE webhook_endpoint ADD COLUMN previous_secret TEXT;
ALTER TABLE webhook_endpoint ADD COLUMN previous_secret_expires_at TIMESTAMPTZ;
ALTER TABLE webhook_endpoint ADD COLUMN secret_rotated_at TIMESTAMPTZ;

-- ACTIVE or DISABLED (after persistent failure; a person re-enables it). consecutive_failures counts the messages
-- that ended FAILED since the last one delivered.
ALTER TABLE webhook_endpoint ADD COLUMN status TEXT NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE webhook_endpoint ADD COLUMN consecutive_failures INT NOT NULL DEFAULT 0;
ALTER TABLE webhook_endpoint ADD COLUMN disabled_at TIMESTAMPTZ;
ALTER TABLE webhook_endpoint ADD COLUMN disabled_reason TEXT;
