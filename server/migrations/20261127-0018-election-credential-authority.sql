-- Elections (issue 17): a commission member as the credential authority.
-- credential_authority NULL = server mode (the server issues the credentials
-- at open). Otherwise that member's device makes one credential per roll
-- member and sends only the public credentials: their rows below have no
-- secret (the server never sees one). The election's Belenios uuid is fixed
-- when the authority is named, since each public credential depends on it.

ALTER TABLE elections ADD COLUMN credential_authority TEXT REFERENCES members(id);

-- election_credentials.secret becomes optional (NULL: commission-member mode).
CREATE TABLE election_credentials_next (
  election_id TEXT NOT NULL REFERENCES elections(id),
  member_id   TEXT NOT NULL REFERENCES members(id),
  secret      TEXT,
  public_key  TEXT NOT NULL,
  PRIMARY KEY (election_id, member_id)
) WITHOUT ROWID;
INSERT INTO election_credentials_next (election_id, member_id, secret, public_key) SELECT election_id, member_id, secret, public_key FROM election_credentials;
DROP TABLE election_credentials;
ALTER TABLE election_credentials_next RENAME TO election_credentials;
