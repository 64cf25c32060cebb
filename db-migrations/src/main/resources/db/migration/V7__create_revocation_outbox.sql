-- Revocations are durable here first, in the same transaction as the change they describe, and
-- then relayed to Redis (denylist, revoked-before marks, stream tessera:revocations). If Redis is
-- down the rows wait and the relay retries: no revocation is ever lost.
CREATE TABLE revocation_outbox (
    id           BIGSERIAL PRIMARY KEY,
    kind         VARCHAR(16)  NOT NULL,
    subject      VARCHAR(128) NOT NULL,
    revoked_at   TIMESTAMPTZ  NOT NULL,
    relevant_until TIMESTAMPTZ NOT NULL,
    reason       VARCHAR(64)  NOT NULL,
    published_at TIMESTAMPTZ,
    CONSTRAINT revocation_outbox_kind CHECK (kind IN ('jti', 'device', 'user'))
);
CREATE INDEX revocation_outbox_pending ON revocation_outbox (id) WHERE published_at IS NULL;
