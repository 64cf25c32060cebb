-- JWS signing keys. The newest active key signs; retired keys stay published in the JWKS
-- until every token they signed has expired (publish_until).
CREATE TABLE signing_keys (
    kid           VARCHAR(64) PRIMARY KEY,
    algorithm     VARCHAR(16) NOT NULL,
    jwk           TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    retired_at    TIMESTAMPTZ,
    publish_until TIMESTAMPTZ
);
CREATE INDEX signing_keys_published ON signing_keys (created_at) WHERE publish_until IS NULL;
