-- Lets the auth server answer "is this token revoked?" from PostgreSQL when Redis is unreachable,
-- and prune rows whose tokens have all expired.
CREATE INDEX revocation_outbox_by_subject ON revocation_outbox (subject, kind);
CREATE INDEX revocation_outbox_relevant_until ON revocation_outbox (relevant_until);
