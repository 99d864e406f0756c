-- Spending limits an agreement manager sets under the agreement, per orderer (user name) or per delivery site (its
-- id as text): an order limit and optionally a monthly budget, in the agreement's currency. An order above either
-- waits for an agreement manager's approval before it is validated.
CREATE TABLE spending_limit (
    agreement_id   UUID           NOT NULL REFERENCES agreement (id),
    scope          TEXT           NOT NULL CHECK (scope IN ('ORDERER', 'SITE')),
    subject        TEXT           NOT NULL,
    order_limit    NUMERIC(17, 2) NOT NULL CHECK (order_limit > 0),
    monthly_budget NUMERIC(17, 2) CHECK (monthly_budget > 0),
    currency       CHAR(3)        NOT NULL,
    updated_by     TEXT           NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (agreement_id, scope, subject)
);

-- What each validated order spends against its orderer and each site it goes to, in the month of its order date
-- (the customer's calendar). Kept for every order, limited or not, so a budget set in the middle of a month counts
-- the month's orders before it. A cancelled or rejected order gives its spend back (released_at).
CREATE TABLE order_spend (
    order_id     UUID           NOT NULL,
    agreement_id UUID           NOT NULL,
    scope        TEXT           NOT NULL CHECK (scope IN ('ORDERER', 'SITE')),
    subject      TEXT           NOT NULL,
    month        DATE           NOT NULL,
    amount       NUMERIC(17, 2) NOT NULL,
    recorded_at  TIMESTAMPTZ    NOT NULL,
    released_at  TIMESTAMPTZ,
    PRIMARY KEY (order_id, scope, subject)
);

CREATE INDEX order_spend_in_month ON order_spend (agreement_id, scope, subject, month) WHERE released_at IS NULL;

-- Orders above a limit, waiting for (or decided by) an agreement manager. `validated` is the OrderValidated event
-- the order gets once approved: it was priced when placed, so approving late charges the same.
CREATE TABLE order_approval (
    order_id     UUID           PRIMARY KEY,
    order_number TEXT,
    customer_id  UUID           NOT NULL,
    agreement_id UUID           NOT NULL,
    placed_by    TEXT,
    placed_at    TIMESTAMPTZ,
    month        DATE           NOT NULL,
    total        NUMERIC(17, 2) NOT NULL,
    currency     CHAR(3)        NOT NULL,
    reasons      JSONB          NOT NULL,
    validated    JSONB          NOT NULL,
    status       TEXT           NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN')),
    requested_at TIMESTAMPTZ    NOT NULL,
    expires_at   TIMESTAMPTZ    NOT NULL,
    decided_by   TEXT,
    decided_at   TIMESTAMPTZ,
    note         TEXT
);

CREATE INDEX order_approval_due ON order_approval (expires_at) WHERE status = 'PENDING';
CREATE INDEX order_approval_customer ON order_approval (customer_id, requested_at DESC);
