-- Append-only audit trail: the application role may insert and read, never update or delete.
CREATE TABLE audit_events (
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    event_type  VARCHAR(48)  NOT NULL,
    actor       VARCHAR(160),
    user_id     UUID,
    client_id   VARCHAR(128),
    device_id   UUID,
    ip          VARCHAR(64),
    detail      TEXT
);
CREATE INDEX audit_events_by_user ON audit_events (user_id, occurred_at DESC);
CREATE INDEX audit_events_by_type ON audit_events (event_type, occurred_at DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
