-- The auth server's own browser apps are OAuth clients like any other, in every deployment: the admin
-- console and the account page. Public clients (no secret: the server exchanges their codes in process),
-- authorization code only, PKCE required (public). The console alone may request the admin scope, which
-- the admin API requires together with the admin role. Their redirect URIs depend on where browsers reach
-- the deployment: the server sets them at start-up from tessera.web-apps.public-urls (the issuer by default).
INSERT INTO clients (id, name, secret_hash, confidential, grant_types, scopes, default_scopes)
VALUES ('console', 'Tessera admin console', NULL, FALSE, '{authorization_code}', '{openid,admin}', '{openid,admin}'),
       ('account', 'Your Tessera account', NULL, FALSE, '{authorization_code}', '{openid}', '{openid}')
ON CONFLICT (id) DO NOTHING;
