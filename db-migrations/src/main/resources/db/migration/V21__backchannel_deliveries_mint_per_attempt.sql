-- Back-channel logout tokens are minted per delivery attempt (issue 11 #7): a token minted at queue time
-- lives two minutes while retries back off to minutes. A delivery keeps what the token says instead.
ALTER TABLE backchannel_deliveries ADD COLUMN subject VARCHAR(128);
ALTER TABLE backchannel_deliveries ADD COLUMN sid VARCHAR(128);
-- Rows queued before this migration carry their token; new rows carry subject and sid only.
ALTER TABLE backchannel_deliveries ALTER COLUMN logout_token DROP NOT NULL;
ALTER TABLE backchannel_deliveries ADD CONSTRAINT backchannel_deliveries_token_or_claims
    CHECK (logout_token IS NOT NULL OR (subject IS NOT NULL AND sid IS NOT NULL));
