-- The sync engine's change capture. Triggers on the source tables stamp every
-- change with the next value of one server-wide sequence inside the writing
-- transaction, whichever process writes (server, routes, the admin CLI). The
-- sequence is the replication checkpoint: never a clock.

CREATE TABLE sync_meta (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  -- Bumped whenever a session or token ends, so open sockets are re-checked.
  auth_version INTEGER NOT NULL
);
INSERT INTO sync_meta (id, seq, auth_version) VALUES (1, 0, 0);

-- One row per synced document: its latest sequence and its read scope.
CREATE TABLE sync_docs (
  collection   TEXT NOT NULL,
  id           TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0,
  scope_unit   TEXT,
  scope_member TEXT,
  PRIMARY KEY (collection, id)
) WITHOUT ROWID;
CREATE INDEX sync_docs_seq ON sync_docs (collection, seq);
CREATE INDEX sync_docs_unit ON sync_docs (collection, scope_unit);

-- A document's previous scope, written when it moves: whoever could see it
-- there, and cannot now, receives it as deleted.
CREATE TABLE sync_tombstones (
  seq          INTEGER PRIMARY KEY,
  collection   TEXT NOT NULL,
  id           TEXT NOT NULL,
  scope_unit   TEXT,
  scope_member TEXT
);
CREATE INDEX sync_tombstones_coll ON sync_tombstones (collection, seq);

-- Members whose own scope (unit, status, roles) changed and must be re-evaluated.
CREATE TABLE sync_scope_dirty (member_id TEXT PRIMARY KEY) WITHOUT ROWID;
-- What each member could read at the last evaluation, per collection (JSON array of unit ids).
CREATE TABLE sync_member_scope (
  member_id  TEXT NOT NULL,
  collection TEXT NOT NULL,
  units      TEXT NOT NULL,
  PRIMARY KEY (member_id, collection)
) WITHOUT ROWID;
-- Documents that entered or left one member's scope because that member's scope changed.
CREATE TABLE sync_member_log (
  seq        INTEGER PRIMARY KEY,
  member_id  TEXT NOT NULL,
  collection TEXT NOT NULL,
  id         TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('enter', 'leave'))
);
CREATE INDEX sync_member_log_member ON sync_member_log (member_id, collection, seq);

-- members → collection "members" (scope: its unit; and the member themself)
CREATE TRIGGER sync_members_insert AFTER INSERT ON members BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  INSERT INTO sync_docs (collection, id, seq, deleted, scope_unit, scope_member)
    VALUES ('members', NEW.id, (SELECT seq FROM sync_meta), 0, NEW.unit_id, NEW.id)
    ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, deleted = 0, scope_unit = excluded.scope_unit, scope_member = excluded.scope_member;
  INSERT OR IGNORE INTO sync_scope_dirty (member_id) VALUES (NEW.id);
END;

CREATE TRIGGER sync_members_update AFTER UPDATE OF employee_number, name, name_kana, unit_id, member_class, status, email, phone, preferred_language, updated_at ON members BEGIN
  UPDATE sync_meta SET seq = seq + 1 WHERE OLD.unit_id IS NOT NEW.unit_id;
  INSERT INTO sync_tombstones (seq, collection, id, scope_unit, scope_member)
    SELECT (SELECT seq FROM sync_meta), 'members', OLD.id, OLD.unit_id, NULL WHERE OLD.unit_id IS NOT NEW.unit_id;
  UPDATE sync_meta SET seq = seq + 1;
  UPDATE sync_docs SET seq = (SELECT seq FROM sync_meta), scope_unit = NEW.unit_id WHERE collection = 'members' AND id = NEW.id;
  INSERT OR IGNORE INTO sync_scope_dirty (member_id) SELECT NEW.id WHERE OLD.unit_id IS NOT NEW.unit_id OR OLD.status IS NOT NEW.status;
END;

-- units → collection "units" (scope: the unit itself)
CREATE TRIGGER sync_units_insert AFTER INSERT ON units BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  INSERT INTO sync_docs (collection, id, seq, deleted, scope_unit, scope_member)
    VALUES ('units', NEW.id, (SELECT seq FROM sync_meta), 0, NEW.id, NULL)
    ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, deleted = 0, scope_unit = excluded.scope_unit;
END;

CREATE TRIGGER sync_units_update AFTER UPDATE OF parent_id, name, kind, code, archived_at ON units BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  UPDATE sync_docs SET seq = (SELECT seq FROM sync_meta) WHERE collection = 'units' AND id = NEW.id;
  -- A moved unit changes the paths, and so the scope, of everyone: re-evaluate all.
  INSERT OR IGNORE INTO sync_scope_dirty (member_id) SELECT id FROM members WHERE OLD.parent_id IS NOT NEW.parent_id;
END;

-- role grants change the granted member's scope
CREATE TRIGGER sync_grants_insert AFTER INSERT ON role_grants BEGIN
  INSERT OR IGNORE INTO sync_scope_dirty (member_id) VALUES (NEW.member_id);
END;
CREATE TRIGGER sync_grants_delete AFTER DELETE ON role_grants BEGIN
  INSERT OR IGNORE INTO sync_scope_dirty (member_id) VALUES (OLD.member_id);
END;

-- Ended sessions, revoked tokens and members who left: open sockets are re-checked.
CREATE TRIGGER sync_auth_session_end AFTER DELETE ON sessions BEGIN
  UPDATE sync_meta SET auth_version = auth_version + 1;
END;
CREATE TRIGGER sync_auth_token_revoke AFTER UPDATE OF revoked_at ON api_tokens BEGIN
  UPDATE sync_meta SET auth_version = auth_version + 1;
END;
CREATE TRIGGER sync_auth_member_status AFTER UPDATE OF status ON members WHEN NEW.status = 'left' BEGIN
  UPDATE sync_meta SET auth_version = auth_version + 1;
END;

-- Existing rows (databases created before this migration) enter the log once.
UPDATE sync_meta SET seq = (SELECT count(*) FROM units) + (SELECT count(*) FROM members);
INSERT INTO sync_docs (collection, id, seq, deleted, scope_unit, scope_member)
  SELECT 'units', id, row_number() OVER (ORDER BY created_at, id), 0, id, NULL FROM units;
INSERT INTO sync_docs (collection, id, seq, deleted, scope_unit, scope_member)
  SELECT 'members', id, (SELECT count(*) FROM units) + row_number() OVER (ORDER BY created_at, id), 0, unit_id, id FROM members;
INSERT INTO sync_scope_dirty (member_id) SELECT id FROM members;
