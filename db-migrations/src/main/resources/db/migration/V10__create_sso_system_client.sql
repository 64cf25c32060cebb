-- The SSO itself: a browser session at the auth server is a device of this client, and the refresh
-- families that other clients obtain through it are bound to that device. It has no secret and no
-- grants: nothing can obtain tokens as 'tessera'.
INSERT INTO clients (id, name, secret_hash, confidential, grant_types, scopes, default_scopes)
VALUES ('tessera', 'Tessera single sign-on', NULL, FALSE, '{}', '{}', '{}')
ON CONFLICT (id) DO NOTHING;
