-- Notices (お知らせ) with audiences, edit history and scheduled publication,
-- and the members' own read receipts. Audience-scoped documents get their
-- readers from sync_audience (one row per audience entry), kept by triggers.

CREATE TABLE sync_audience (
  collection TEXT NOT NULL,
  id         TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('all', 'unit', 'role', 'member')),
  value      TEXT NOT NULL,
  PRIMARY KEY (collection, id, kind, value)
) WITHOUT ROWID;
CREATE INDEX sync_audience_value ON sync_audience (collection, kind, value);

-- The audience a document had before it changed: those it reached then and not now receive it as deleted.
CREATE TABLE sync_audience_tombstones (
  seq        INTEGER NOT NULL,
  collection TEXT NOT NULL,
  id         TEXT NOT NULL,
  kind       TEXT NOT NULL,
  value      TEXT NOT NULL
);
CREATE INDEX sync_audience_tombstones_seq ON sync_audience_tombstones (collection, seq);

CREATE TABLE notices (
  id             TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  body           TEXT NOT NULL,
  category       TEXT NOT NULL DEFAULT 'general',
  pinned         INTEGER NOT NULL DEFAULT 0,
  allow_comments INTEGER NOT NULL DEFAULT 1,
  -- {"all": bool, "units": [...], "roles": [...], "members": [...]}
  audience       TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'expired', 'withdrawn')),
  publish_at     INTEGER NOT NULL,
  expires_at     INTEGER,
  author_id      TEXT NOT NULL REFERENCES members(id),
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE INDEX notices_due ON notices (status, publish_at);

CREATE TABLE notice_versions (
  notice_id  TEXT NOT NULL REFERENCES notices(id),
  version    INTEGER NOT NULL,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  audience   TEXT NOT NULL,
  editor_id  TEXT NOT NULL,
  at         INTEGER NOT NULL,
  PRIMARY KEY (notice_id, version)
);

-- A member's read receipt; the id is "<noticeId>:<memberId>".
CREATE TABLE notice_reads (
  id        TEXT PRIMARY KEY,
  notice_id TEXT NOT NULL REFERENCES notices(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  read_at   INTEGER NOT NULL,
  UNIQUE (notice_id, member_id)
);
CREATE INDEX notice_reads_notice ON notice_reads (notice_id);

-- notices → collection "notices": the author always; the audience once published.
CREATE TRIGGER sync_notices_insert AFTER INSERT ON notices BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  INSERT INTO sync_docs (collection, id, seq, deleted, scope_unit, scope_member)
    VALUES ('notices', NEW.id, (SELECT seq FROM sync_meta), 0, NULL, NEW.author_id);
  INSERT INTO sync_audience (collection, id, kind, value)
    SELECT 'notices', NEW.id, 'all', '' WHERE NEW.status = 'published' AND json_extract(NEW.audience, '$.all')
    UNION SELECT 'notices', NEW.id, 'unit', value FROM json_each(NEW.audience, '$.units') WHERE NEW.status = 'published'
    UNION SELECT 'notices', NEW.id, 'role', value FROM json_each(NEW.audience, '$.roles') WHERE NEW.status = 'published'
    UNION SELECT 'notices', NEW.id, 'member', value FROM json_each(NEW.audience, '$.members') WHERE NEW.status = 'published';
END;

CREATE TRIGGER sync_notices_update AFTER UPDATE ON notices BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  INSERT INTO sync_audience_tombstones (seq, collection, id, kind, value)
    SELECT (SELECT seq FROM sync_meta), collection, id, kind, value FROM sync_audience WHERE collection = 'notices' AND id = OLD.id;
  DELETE FROM sync_audience WHERE collection = 'notices' AND id = OLD.id;
  INSERT INTO sync_audience (collection, id, kind, value)
    SELECT 'notices', NEW.id, 'all', '' WHERE NEW.status = 'published' AND json_extract(NEW.audience, '$.all')
    UNION SELECT 'notices', NEW.id, 'unit', value FROM json_each(NEW.audience, '$.units') WHERE NEW.status = 'published'
    UNION SELECT 'notices', NEW.id, 'role', value FROM json_each(NEW.audience, '$.roles') WHERE NEW.status = 'published'
    UNION SELECT 'notices', NEW.id, 'member', value FROM json_each(NEW.audience, '$.members') WHERE NEW.status = 'published';
  UPDATE sync_meta SET seq = seq + 1;
  UPDATE sync_docs SET seq = (SELECT seq FROM sync_meta), scope_member = NEW.author_id WHERE collection = 'notices' AND id = NEW.id;
END;

-- notice_reads → collection "reads": only the member's own receipts reach their devices.
CREATE TRIGGER sync_reads_insert AFTER INSERT ON notice_reads BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  INSERT INTO sync_docs (collection, id, seq, deleted, scope_unit, scope_member)
    VALUES ('reads', NEW.id, (SELECT seq FROM sync_meta), 0, NULL, NEW.member_id)
    ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, deleted = 0;
END;
