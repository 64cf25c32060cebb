-- RFC 9700 §2.1.1: PKCE for every client using the authorization code grant, confidential ones too;
-- a client that cannot send it is registered with pkce_required = false (issue 11 #18).
ALTER TABLE clients ADD COLUMN pkce_required BOOLEAN NOT NULL DEFAULT true;
-- RFC 7662 §4: a client may introspect its own tokens, and a resource server the access tokens issued
-- for the audiences it serves (listed here); any other caller learns only "active": false.
ALTER TABLE clients ADD COLUMN introspection_audiences TEXT[] NOT NULL DEFAULT '{}';
