-- Comments and reactions on notices (collection "notice_comments"), and Web Push.
--
-- A comment is readable exactly by those who read its notice: its sync_audience
-- rows are a copy of the notice's (kept by triggers, also when the notice's
-- audience or status changes, with audience tombstones so that excluded devices
-- lose the comments too), and its scope_member is the notice's author.

CREATE TABLE notice_comments (
  id         TEXT PRIMARY KEY,
  notice_id  TEXT NOT NULL REFERENCES notices(id),
  author_id  TEXT NOT NULL REFERENCES members(id),
  kind       TEXT NOT NULL CHECK (kind IN ('comment', 'reaction')),
  text       TEXT NOT NULL DEFAULT '',
  emoji      TEXT,
  -- Hidden by an officer: the text is kept (for the record) but never synced.
  hidden     INTEGER NOT NULL DEFAULT 0,
  hidden_by  TEXT,
  hidden_at  INTEGER,
  -- Taken back by its author: kept as a row so the removal keeps its audience.
  deleted    INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX notice_comments_notice ON notice_comments (notice_id);

CREATE TRIGGER sync_comments_insert AFTER INSERT ON notice_comments BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  INSERT INTO sync_docs (collection, id, seq, deleted, scope_unit, scope_member)
    VALUES ('notice_comments', NEW.id, (SELECT seq FROM sync_meta), NEW.deleted, NULL, (SELECT author_id FROM notices WHERE id = NEW.notice_id))
    ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, scope_member = excluded.scope_member;
  INSERT OR IGNORE INTO sync_audience (collection, id, kind, value)
    SELECT 'notice_comments', NEW.id, kind, value FROM sync_audience WHERE collection = 'notices' AND id = NEW.notice_id;
END;

CREATE TRIGGER sync_comments_update AFTER UPDATE ON notice_comments BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  UPDATE sync_docs SET seq = (SELECT seq FROM sync_meta), deleted = NEW.deleted WHERE collection = 'notice_comments' AND id = NEW.id;
END;

-- The notice's audience, status or author changed: its comments follow. The
-- audience is computed from NEW (as 0004 does) rather than copied from the
-- notice's sync_audience rows, because the order triggers fire in is not
-- defined. Each comment gets its own sequence: pulls page by sequence, and
-- many documents sharing one could be cut between two pages.
CREATE TRIGGER sync_comments_notice_update AFTER UPDATE OF audience, status, author_id ON notices
WHEN OLD.audience IS NOT NEW.audience OR OLD.status IS NOT NEW.status OR OLD.author_id IS NOT NEW.author_id
BEGIN
  INSERT INTO sync_audience_tombstones (seq, collection, id, kind, value)
    SELECT (SELECT seq FROM sync_meta) + (SELECT count(*) FROM notice_comments c WHERE c.notice_id = NEW.id AND c.id <= a.id), a.collection, a.id, a.kind, a.value
    FROM sync_audience a WHERE a.collection = 'notice_comments' AND a.id IN (SELECT id FROM notice_comments WHERE notice_id = NEW.id);
  DELETE FROM sync_audience WHERE collection = 'notice_comments' AND id IN (SELECT id FROM notice_comments WHERE notice_id = NEW.id);
  INSERT INTO sync_audience (collection, id, kind, value)
    SELECT 'notice_comments', c.id, x.kind, x.value FROM notice_comments c,
      (SELECT 'all' AS kind, '' AS value WHERE NEW.status = 'published' AND json_extract(NEW.audience, '$.all')
       UNION SELECT 'unit', value FROM json_each(NEW.audience, '$.units') WHERE NEW.status = 'published'
       UNION SELECT 'role', value FROM json_each(NEW.audience, '$.roles') WHERE NEW.status = 'published'
       UNION SELECT 'member', value FROM json_each(NEW.audience, '$.members') WHERE NEW.status = 'published') x
    WHERE c.notice_id = NEW.id;
  UPDATE sync_docs SET seq = (SELECT seq FROM sync_meta) + (SELECT count(*) FROM notice_comments c WHERE c.notice_id = NEW.id AND c.id <= sync_docs.id),
    scope_member = NEW.author_id
    WHERE collection = 'notice_comments' AND id IN (SELECT id FROM notice_comments WHERE notice_id = NEW.id);
  UPDATE sync_meta SET seq = seq + (SELECT count(*) FROM notice_comments WHERE notice_id = NEW.id);
END;

-- The server's VAPID key pair, generated at first start and kept.
CREATE TABLE push_vapid (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  public_key  TEXT NOT NULL,
  private_key TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);

-- Members' push subscriptions (never synced). The endpoint is a capability URL: never logged.
CREATE TABLE push_subscriptions (
  endpoint   TEXT PRIMARY KEY,
  member_id  TEXT NOT NULL REFERENCES members(id),
  p256dh     TEXT NOT NULL,
  auth       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX push_subscriptions_member ON push_subscriptions (member_id);
