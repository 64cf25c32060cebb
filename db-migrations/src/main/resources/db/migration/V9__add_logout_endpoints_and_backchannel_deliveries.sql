-- OpenID Connect RP-Initiated Logout and Back-Channel Logout per client.
ALTER TABLE clients ADD COLUMN post_logout_redirect_uris TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE clients ADD COLUMN backchannel_logout_uri VARCHAR(512);

-- Logout tokens waiting to be delivered to clients; retried with back-off until delivered or given up.
CREATE TABLE backchannel_deliveries (
    id              BIGSERIAL PRIMARY KEY,
    client_id       VARCHAR(128) NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    uri             VARCHAR(512) NOT NULL,
    logout_token    TEXT         NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    delivered_at    TIMESTAMPTZ,
    given_up_at     TIMESTAMPTZ,
    last_error      VARCHAR(256),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX backchannel_deliveries_due ON backchannel_deliveries (next_attempt_at)
    WHERE delivered_at IS NULL AND given_up_at IS NULL;
