-- A device is one login on one user agent: a refresh family, or (later) an SSO browser session.
CREATE TABLE devices (
    id           UUID PRIMARY KEY,
    user_id      UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id    VARCHAR(128) NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    external_id  VARCHAR(128),
    device_type  VARCHAR(16)  NOT NULL,
    name         VARCHAR(256) NOT NULL,
    user_agent   VARCHAR(512),
    ip           VARCHAR(64),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revoked_at   TIMESTAMPTZ,
    revoke_reason VARCHAR(64),
    CONSTRAINT devices_type_known CHECK (device_type IN ('web', 'mobile', 'desktop', 'cli', 'service'))
);
CREATE INDEX devices_active_by_user ON devices (user_id) WHERE revoked_at IS NULL;
-- A client-supplied device id names one live device per user and client: logging in again from it replaces it.
CREATE UNIQUE INDEX devices_active_external ON devices (user_id, client_id, external_id)
    WHERE revoked_at IS NULL AND external_id IS NOT NULL;
