-- Who acts under an agreement, and as what: the agreement manager negotiates it, orderers place orders, receivers
-- take deliveries at their sites. Members belong to the agreement, not to a version: people change independently of
-- terms. One role per person and agreement.
CREATE TABLE agreement_member (
    agreement_id UUID NOT NULL REFERENCES agreement (id),
    username     TEXT NOT NULL,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('AGREEMENT_MANAGER', 'ORDERER', 'RECEIVER')),
    -- the delivery sites a receiver takes deliveries at; empty for the other roles
    site_ids     UUID[] NOT NULL DEFAULT '{}',
    added_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (agreement_id, username)
);
