-- Federation (上部団体連携, issue 20). One code base, two roles: the fed_* tables of a
-- federation (its member unions, the items it publishes, the figures they report) and
-- the link_* tables of a union (its one link, the items it received, the reports it sent).
-- Keys are never here: each server's Ed25519 private key is a key file in the data dir.

-- A federation's own notices reach members through `notices`; a union's copy names its origin.
ALTER TABLE notices ADD COLUMN origin TEXT;

-- Federation side: one row per member union, from the exchange token to the link.
CREATE TABLE fed_unions (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  token_hash       TEXT NOT NULL UNIQUE,
  token_expires_at INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('invited', 'active', 'paused', 'revoked')),
  paused_by        TEXT CHECK (paused_by IN ('federation', 'union')),
  public_key       TEXT,
  -- The highest message sequence accepted from the union: a replay or an older message is refused.
  last_seq         INTEGER NOT NULL DEFAULT 0,
  created_at       INTEGER NOT NULL,
  linked_at        INTEGER
);

-- Federation side: notices and unified actions, each with the federation's own sequence (a union's checkpoint).
CREATE TABLE fed_items (
  id               TEXT PRIMARY KEY,
  seq              INTEGER NOT NULL UNIQUE,
  kind             TEXT NOT NULL CHECK (kind IN ('notice', 'action')),
  title            TEXT NOT NULL,
  body             TEXT NOT NULL,
  action_date      INTEGER,
  demand           TEXT,
  question         TEXT,
  default_audience TEXT CHECK (default_audience IN ('all', 'officers')),
  materials        TEXT NOT NULL DEFAULT '[]',  -- [{hash, name, type, size}]: uploads of the author, served to linked unions
  author_id        TEXT NOT NULL REFERENCES members(id),
  published_at     INTEGER NOT NULL
);

-- Federation side: each report a union sent (counts only), once per report id.
CREATE TABLE fed_reports (
  id          TEXT PRIMARY KEY,
  union_id    TEXT NOT NULL REFERENCES fed_unions(id),
  at          INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  figures     TEXT NOT NULL
);
CREATE INDEX fed_reports_union ON fed_reports (union_id, at);

-- Union side: the one link to a federation.
CREATE TABLE link_federation (
  id                   TEXT PRIMARY KEY,       -- the federation's id for this union
  url                  TEXT NOT NULL,
  federation_name      TEXT NOT NULL,
  federation_key       TEXT NOT NULL,
  status               TEXT NOT NULL CHECK (status IN ('active', 'paused', 'revoked')),
  paused_by            TEXT CHECK (paused_by IN ('federation', 'union')),
  agreed_by            TEXT NOT NULL REFERENCES members(id),
  use_default_audience INTEGER NOT NULL DEFAULT 0,
  shared_forms         TEXT NOT NULL DEFAULT '[]',
  checkpoint           INTEGER NOT NULL DEFAULT 0,  -- the last federation item sequence stored
  out_seq              INTEGER NOT NULL DEFAULT 0,  -- the last message sequence sent
  linked_at            INTEGER NOT NULL,
  last_sync_at         INTEGER
);
CREATE UNIQUE INDEX link_federation_one ON link_federation ((status <> 'revoked')) WHERE status <> 'revoked';

-- Union side: the items received, and what the union did with them.
CREATE TABLE link_inbox (
  id               TEXT PRIMARY KEY,
  kind             TEXT NOT NULL,
  title            TEXT NOT NULL,
  body             TEXT NOT NULL,
  action_date      INTEGER,
  demand           TEXT,
  question         TEXT,
  default_audience TEXT,
  materials        TEXT NOT NULL DEFAULT '[]',  -- as the federation sent them; each file fetched and stored in uploads
  published_at     INTEGER NOT NULL,
  received_at      INTEGER NOT NULL,
  notice_id        TEXT REFERENCES notices(id),
  audience         TEXT,
  participation    INTEGER
);

-- Union side: every report, as sent (exactly the payload), and when the federation took it.
CREATE TABLE link_reports (
  id           TEXT PRIMARY KEY,
  at           INTEGER NOT NULL,
  payload      TEXT NOT NULL,
  delivered_at INTEGER
);
