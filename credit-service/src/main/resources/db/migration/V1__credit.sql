-- One credit account per customer. Exposure is not stored: it is the sum of the account's open reservations.
CREATE TABLE credit_account (
    customer_id      UUID PRIMARY KEY,
    business_id      TEXT          NOT NULL,
    company_name     TEXT          NOT NULL,
    currency         CHAR(3)       NOT NULL,
    credit_limit     NUMERIC(19,2) NOT NULL CHECK (credit_limit >= 0),
    -- the last day the limit is valid; NULL means it does not expire
    limit_expires_on DATE,
    blocked          BOOLEAN       NOT NULL DEFAULT FALSE,
    blocked_reason   TEXT,
    updated_by       TEXT          NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- At most one reservation per order, so a redelivered OrderValidated can never reserve twice.
CREATE TABLE reservation (
    order_id       UUID PRIMARY KEY,
    customer_id    UUID          NOT NULL REFERENCES credit_account (customer_id),
    amount         NUMERIC(19,2) NOT NULL CHECK (amount >= 0),
    currency       CHAR(3)       NOT NULL,
    status         TEXT          NOT NULL CHECK (status IN ('OPEN', 'RELEASED')),
    reserved_by    TEXT          NOT NULL,
    reserved_at    TIMESTAMPTZ   NOT NULL,
    released_at    TIMESTAMPTZ,
    release_reason TEXT
);

CREATE INDEX reservation_open_by_customer ON reservation (customer_id) WHERE status = 'OPEN';

-- Every decision made about an order, automatic or by a person: the audit trail and the redelivery guard.
CREATE TABLE credit_decision (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    UUID          NOT NULL,
    customer_id UUID          NOT NULL,
    outcome     TEXT          NOT NULL CHECK (outcome IN ('RESERVED', 'DECLINED', 'REVIEW_REQUIRED')),
    amount      NUMERIC(19,2) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    reasons     JSONB         NOT NULL,
    rating      TEXT,
    decided_by  TEXT          NOT NULL,
    decided_at  TIMESTAMPTZ   NOT NULL
);

CREATE INDEX credit_decision_by_order ON credit_decision (order_id);

CREATE TABLE credit_review (
    id           UUID PRIMARY KEY,
    order_id     UUID          NOT NULL UNIQUE,
    customer_id  UUID          NOT NULL REFERENCES credit_account (customer_id),
    amount       NUMERIC(19,2) NOT NULL,
    currency     CHAR(3)       NOT NULL,
    reasons      JSONB         NOT NULL,
    status       TEXT          NOT NULL CHECK (status IN ('OPEN', 'APPROVED', 'DECLINED', 'WITHDRAWN')),
    requested_at TIMESTAMPTZ   NOT NULL,
    closed_by    TEXT,
    closed_at    TIMESTAMPTZ
);

CREATE INDEX credit_review_open ON credit_review (requested_at) WHERE status = 'OPEN';

-- Who decided what about a review, when and why (RECHECK may leave the review open).
CREATE TABLE credit_review_action (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    review_id  UUID        NOT NULL REFERENCES credit_review (id),
    decision   TEXT        NOT NULL CHECK (decision IN ('RELEASE', 'REJECT', 'RECHECK', 'WITHDRAW')),
    reason     TEXT,
    outcome    TEXT        NOT NULL CHECK (outcome IN ('RESERVED', 'DECLINED', 'STILL_IN_REVIEW', 'WITHDRAWN')),
    decided_by TEXT        NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX credit_review_action_by_review ON credit_review_action (review_id, id);

-- Orders cancelled or rejected. Topics are not ordered with each other, so an OrderValidated may arrive after the
-- order was already cancelled; it must not reserve credit then.
CREATE TABLE closed_order (
    order_id  UUID PRIMARY KEY,
    reason    TEXT        NOT NULL,
    closed_at TIMESTAMPTZ NOT NULL
);
