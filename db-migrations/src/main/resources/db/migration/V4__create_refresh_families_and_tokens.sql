-- A refresh family is the chain of rotated refresh tokens of one login (RFC 9700 §4.14.2).
-- Revoking the family revokes every token in it.
CREATE TABLE refresh_families (
    id                 UUID PRIMARY KEY,
    user_id            UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id          VARCHAR(128) NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    device_id          UUID         NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    scope              TEXT         NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    last_refreshed_at  TIMESTAMPTZ  NOT NULL,
    absolute_expires_at TIMESTAMPTZ NOT NULL,
    revoked_at         TIMESTAMPTZ,
    revoke_reason      VARCHAR(64)
);
CREATE INDEX refresh_families_device ON refresh_families (device_id);
CREATE INDEX refresh_families_active_by_user ON refresh_families (user_id) WHERE revoked_at IS NULL;

-- Only the SHA-256 of a refresh token is stored: a database leak yields no usable token.
CREATE TABLE refresh_tokens (
    token_hash   BYTEA       PRIMARY KEY,
    family_id    UUID        NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
    parent_hash  BYTEA,
    issued_at    TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    rotated_at   TIMESTAMPTZ,
    CONSTRAINT refresh_tokens_hash_is_sha256 CHECK (octet_length(token_hash) = 32)
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
