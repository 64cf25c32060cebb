-- Accounts. Passwords are argon2id PHC strings; never plaintext, never a fast hash.
CREATE TABLE users (
    id            UUID PRIMARY KEY,
    username      VARCHAR(128) NOT NULL,
    password_hash VARCHAR(256) NOT NULL,
    display_name  VARCHAR(256) NOT NULL,
    email         VARCHAR(320),
    roles         TEXT[]       NOT NULL DEFAULT '{}',
    disabled      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- Usernames are case-insensitive identifiers: "Alice" and "alice" are one account.
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
