-- Token signing keys live here rather than in memory so that every instance signs with the same key and a restart
-- does not invalidate the JWKS that resource servers have cached.
CREATE TABLE signing_key (
    key_id      varchar(100) PRIMARY KEY,
    algorithm   varchar(20)  NOT NULL,
    public_key  text         NOT NULL, -- X.509 SubjectPublicKeyInfo, base64
    private_key text         NOT NULL, -- PKCS#8, base64
    active      boolean      NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

-- At most one key signs; instances racing to create the first one all end up using the winner's.
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (active) WHERE active;
