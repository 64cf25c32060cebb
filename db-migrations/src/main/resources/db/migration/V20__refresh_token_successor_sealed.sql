-- One successor per rotated refresh token (issue 11 #11): a retry of a rotated token within the grace
-- window gets that same successor back instead of a new sibling chain. The successor is kept sealed
-- (AES-256-GCM) under a key derived from the rotated token itself, which is stored only as a hash: the
-- database alone cannot open it, only a holder of the rotated token can.
ALTER TABLE refresh_tokens ADD COLUMN successor_sealed BYTEA;
