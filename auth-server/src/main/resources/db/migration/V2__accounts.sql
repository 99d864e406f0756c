-- People who sign in through the browser.
CREATE TABLE user_account (
    username      varchar(100) PRIMARY KEY CHECK (username = lower(username)),
    password_hash varchar(200) NOT NULL,
    display_name  varchar(200) NOT NULL,
    email         varchar(320),
    locale        varchar(35)  NOT NULL DEFAULT 'en',
    roles         text[]       NOT NULL,
    customer_id   uuid,
    site_ids      uuid[]       NOT NULL DEFAULT '{}',
    enabled       boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);

-- What a machine client (partner ERP, carrier, support tool) acts as; copied into its access tokens.
CREATE TABLE client_claims (
    client_id   varchar(100) PRIMARY KEY
                REFERENCES oauth2_registered_client (client_id) ON DELETE CASCADE ON UPDATE CASCADE,
    roles       text[]       NOT NULL,
    customer_id uuid,
    carrier     varchar(100)
);
