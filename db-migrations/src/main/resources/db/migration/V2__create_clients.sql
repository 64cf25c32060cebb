-- OAuth clients (RFC 6749 §2). Confidential clients keep only a hash of their secret.
CREATE TABLE clients (
    id                     VARCHAR(128) PRIMARY KEY,
    name                   VARCHAR(256) NOT NULL,
    secret_hash            VARCHAR(256),
    confidential           BOOLEAN      NOT NULL,
    grant_types            TEXT[]       NOT NULL,
    scopes                 TEXT[]       NOT NULL,
    default_scopes         TEXT[]       NOT NULL,
    redirect_uris          TEXT[]       NOT NULL DEFAULT '{}',
    session_policy         VARCHAR(32),
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT clients_confidential_has_secret CHECK (NOT confidential OR secret_hash IS NOT NULL)
);
