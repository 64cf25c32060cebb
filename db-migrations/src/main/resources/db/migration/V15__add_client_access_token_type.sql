-- Per-client JOSE "typ" of issued access tokens. RFC 9068 §2.1 says at+jwt, and that stays the default;
-- 'JWT' is an opt-in for resource servers that cannot be configured to accept at+jwt (older Spring
-- Security, some gateways). It gives up RFC 9068 §4's explicit typing against token confusion.
ALTER TABLE clients ADD COLUMN access_token_type VARCHAR(16) NOT NULL DEFAULT 'at+jwt'
    CONSTRAINT clients_access_token_type_known CHECK (access_token_type IN ('at+jwt', 'JWT'));
