-- A device_client mark denies the access tokens one client holds on one device (its subject is
-- "<sid>:<client_id>"): what an RFC 7009 revocation does when other clients still share the device.
ALTER TABLE revocation_outbox DROP CONSTRAINT revocation_outbox_kind;
ALTER TABLE revocation_outbox ADD CONSTRAINT revocation_outbox_kind CHECK (kind IN ('jti', 'device', 'user', 'device_client'));
-- "<sid>:<client_id>" is longer than any subject before it.
ALTER TABLE revocation_outbox ALTER COLUMN subject TYPE VARCHAR(300);
