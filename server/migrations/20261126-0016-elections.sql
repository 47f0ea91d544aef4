-- Elections (issue 17): the commission's setup, the frozen voter roll, the
-- trustees' public key-setup messages, the server-mode credentials, the
-- ballots in cast order, the tally and the result.
--
-- Secrecy: no table links a member to a ballot. election_credentials holds
-- each roll member's secret credential (server mode) only from `open` until
-- the tally starts, when its rows are deleted (PRAGMA secure_delete is on, so
-- the freed pages are zeroed). election_voters says only that a member voted
-- (online or on paper), never when or with which ballot. Trustees' seeds never
-- reach the server: their messages here are the public (signed, encrypted to
-- each recipient) ones of the Belenios threshold protocol.

CREATE TABLE elections (
  id               TEXT PRIMARY KEY,
  unit_id          TEXT NOT NULL REFERENCES units(id),
  -- The ElectionInput as JSON (title, questions, electorate, quorum, window).
  input            TEXT NOT NULL,
  state            TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'ready', 'tallying', 'tallied', 'published')),
  created_by       TEXT NOT NULL REFERENCES members(id),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  roll_frozen_at   INTEGER,
  threshold        INTEGER NOT NULL DEFAULT 0,
  -- Step 6's result: the trustees structure (Belenios JSON), once every key step is done.
  trustees_json    TEXT,
  -- From `open`: the Belenios uuid, election.json, the public credential list L (JSON), the archive's timestamp (s).
  uuid             TEXT UNIQUE,
  election_json    TEXT,
  credentials_json TEXT,
  opened_at        INTEGER,
  -- From the tally: the encrypted tally (JSON), how many ballots it sums and their weight.
  encrypted_tally  TEXT,
  num_tallied      INTEGER,
  total_weight     INTEGER,
  -- The Belenios result (JSON), paper totals (JSON), the published outcome (JSON) and its notice.
  result           TEXT,
  paper_totals     TEXT,
  outcome          TEXT,
  notice_id        TEXT,
  reminded_at      INTEGER
);
CREATE INDEX elections_unit ON elections (unit_id);

-- The voter roll (名簿), frozen at roll_frozen_at, corrected by the commission before opening.
CREATE TABLE election_roll (
  election_id  TEXT NOT NULL REFERENCES elections(id),
  member_id    TEXT NOT NULL REFERENCES members(id),
  -- Where the member stood at the freeze (turnout by unit).
  unit_id      TEXT NOT NULL,
  member_class TEXT NOT NULL,
  weight       INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 1000),
  PRIMARY KEY (election_id, member_id)
) WITHOUT ROWID;
CREATE INDEX election_roll_member ON election_roll (member_id);

-- Who voted, and how (online or paper); no time, no ballot.
CREATE TABLE election_voters (
  election_id TEXT NOT NULL REFERENCES elections(id),
  member_id   TEXT NOT NULL REFERENCES members(id),
  how         TEXT NOT NULL CHECK (how IN ('online', 'paper')),
  PRIMARY KEY (election_id, member_id)
) WITHOUT ROWID;

-- The trustees, in the order of PUT /trustees (idx 1-based), and their public messages.
CREATE TABLE election_trustees (
  election_id TEXT NOT NULL REFERENCES elections(id),
  idx         INTEGER NOT NULL,
  member_id   TEXT NOT NULL REFERENCES members(id),
  cert        TEXT,
  polynomial  TEXT,
  vinput      TEXT,
  voutput     TEXT,
  decryption  TEXT,
  decrypted_seq INTEGER,
  PRIMARY KEY (election_id, idx),
  UNIQUE (election_id, member_id)
);

-- Server mode: each roll member's credential, from open until the tally starts.
CREATE TABLE election_credentials (
  election_id TEXT NOT NULL REFERENCES elections(id),
  member_id   TEXT NOT NULL REFERENCES members(id),
  secret      TEXT NOT NULL,
  public_key  TEXT NOT NULL,
  PRIMARY KEY (election_id, member_id)
) WITHOUT ROWID;

-- Every accepted ballot, append-only, in cast order (revotes included; the last per credential counts).
CREATE TABLE election_ballots (
  election_id TEXT NOT NULL REFERENCES elections(id),
  seq         INTEGER NOT NULL,
  ballot      TEXT NOT NULL,
  tracker     TEXT NOT NULL,
  PRIMARY KEY (election_id, seq),
  UNIQUE (election_id, tracker)
);
CREATE TRIGGER election_ballots_append_only_u BEFORE UPDATE ON election_ballots BEGIN SELECT RAISE(ABORT, 'ballots are append-only'); END;
CREATE TRIGGER election_ballots_append_only_d BEFORE DELETE ON election_ballots BEGIN SELECT RAISE(ABORT, 'ballots are append-only'); END;
