-- The documents library (資料室) and full-text search.
-- Folders and documents share one table (collection "documents", `kind`),
-- because the sync engine projects a collection from one source table and the
-- RxDB collection budget groups them (server/src/sync/README.md).

CREATE TABLE documents (
  id            TEXT PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('folder', 'document')),
  -- Documents live in a folder; folders have none.
  folder_id     TEXT REFERENCES documents(id),
  title         TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  -- {"all": bool, "units": [...], "roles": [...], "members": [...]}, as notices.
  audience      TEXT NOT NULL,
  keep_offline  INTEGER NOT NULL DEFAULT 0,
  sort          INTEGER NOT NULL DEFAULT 0,
  -- NULL for the folders seeded here.
  author_id     TEXT REFERENCES members(id),
  version       INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX documents_folder ON documents (folder_id);

-- Every version of a document's file: a new upload keeps the previous ones.
CREATE TABLE document_versions (
  document_id TEXT NOT NULL REFERENCES documents(id),
  version     INTEGER NOT NULL,
  hash        TEXT NOT NULL REFERENCES uploads(hash),
  name        TEXT NOT NULL,
  type        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  author_id   TEXT NOT NULL REFERENCES members(id),
  at          INTEGER NOT NULL,
  PRIMARY KEY (document_id, version)
) WITHOUT ROWID;
CREATE INDEX document_versions_hash ON document_versions (hash);

-- documents → collection "documents": the author always; the audience as for a published notice.
CREATE TRIGGER sync_documents_insert AFTER INSERT ON documents BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  INSERT INTO sync_docs (collection, id, seq, deleted, scope_unit, scope_member)
    VALUES ('documents', NEW.id, (SELECT seq FROM sync_meta), 0, NULL, NEW.author_id);
  INSERT INTO sync_audience (collection, id, kind, value)
    SELECT 'documents', NEW.id, 'all', '' WHERE json_extract(NEW.audience, '$.all')
    UNION SELECT 'documents', NEW.id, 'unit', value FROM json_each(NEW.audience, '$.units')
    UNION SELECT 'documents', NEW.id, 'role', value FROM json_each(NEW.audience, '$.roles')
    UNION SELECT 'documents', NEW.id, 'member', value FROM json_each(NEW.audience, '$.members');
END;

CREATE TRIGGER sync_documents_update AFTER UPDATE ON documents BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  INSERT INTO sync_audience_tombstones (seq, collection, id, kind, value)
    SELECT (SELECT seq FROM sync_meta), collection, id, kind, value FROM sync_audience WHERE collection = 'documents' AND id = OLD.id;
  DELETE FROM sync_audience WHERE collection = 'documents' AND id = OLD.id;
  INSERT INTO sync_audience (collection, id, kind, value)
    SELECT 'documents', NEW.id, 'all', '' WHERE json_extract(NEW.audience, '$.all')
    UNION SELECT 'documents', NEW.id, 'unit', value FROM json_each(NEW.audience, '$.units')
    UNION SELECT 'documents', NEW.id, 'role', value FROM json_each(NEW.audience, '$.roles')
    UNION SELECT 'documents', NEW.id, 'member', value FROM json_each(NEW.audience, '$.members');
  UPDATE sync_meta SET seq = seq + 1;
  UPDATE sync_docs SET seq = (SELECT seq FROM sync_meta), scope_member = NEW.author_id WHERE collection = 'documents' AND id = NEW.id;
END;

-- The standard folders every union starts with, readable by all.
INSERT INTO documents (id, kind, folder_id, title, audience, sort, created_at, updated_at) VALUES
  ('folder-bylaws', 'folder', NULL, '規約', '{"all":true,"units":[],"roles":[],"members":[]}', 1, 0, 0),
  ('folder-minutes', 'folder', NULL, '議事録', '{"all":true,"units":[],"roles":[],"members":[]}', 2, 0, 0),
  ('folder-reports', 'folder', NULL, '活動報告', '{"all":true,"units":[],"roles":[],"members":[]}', 3, 0, 0),
  ('folder-meetings', 'folder', NULL, '会議資料', '{"all":true,"units":[],"roles":[],"members":[]}', 4, 0, 0);

-- Text extracted from uploaded PDFs, per content hash (so a file shared by
-- several notices or documents is extracted once). `error` is set when
-- extraction failed, so it is not retried on every search.
CREATE TABLE upload_texts (
  hash  TEXT PRIMARY KEY REFERENCES uploads(hash),
  text  TEXT NOT NULL,
  error TEXT,
  at    INTEGER NOT NULL
) WITHOUT ROWID;

-- One full-text index over everything searchable. The trigram tokenizer finds
-- any substring of 3+ characters, which suits Japanese (no spaces between
-- words). `kind` is 'notice' / 'document' / 'upload' and `ref` the notice or
-- document id, or the upload's hash; readability is decided at query time.
-- Re-indexing on an edit deletes by (kind, ref), which scans the table (UNINDEXED
-- columns have no index): fine for the rare edits of a union's corpus.
CREATE VIRTUAL TABLE search_fts USING fts5(kind UNINDEXED, ref UNINDEXED, title, body, tokenize = 'trigram');

CREATE TRIGGER search_notices_insert AFTER INSERT ON notices BEGIN
  INSERT INTO search_fts (kind, ref, title, body) VALUES ('notice', NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER search_notices_update AFTER UPDATE OF title, body ON notices BEGIN
  DELETE FROM search_fts WHERE kind = 'notice' AND ref = OLD.id;
  INSERT INTO search_fts (kind, ref, title, body) VALUES ('notice', NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER search_documents_insert AFTER INSERT ON documents WHEN NEW.kind = 'document' BEGIN
  INSERT INTO search_fts (kind, ref, title, body) VALUES ('document', NEW.id, NEW.title, NEW.description);
END;
CREATE TRIGGER search_documents_update AFTER UPDATE OF title, description ON documents WHEN NEW.kind = 'document' BEGIN
  DELETE FROM search_fts WHERE kind = 'document' AND ref = OLD.id;
  INSERT INTO search_fts (kind, ref, title, body) VALUES ('document', NEW.id, NEW.title, NEW.description);
END;
CREATE TRIGGER search_upload_texts_insert AFTER INSERT ON upload_texts BEGIN
  INSERT INTO search_fts (kind, ref, title, body) VALUES ('upload', NEW.hash, '', NEW.text);
END;

-- Notices that existed before this migration.
INSERT INTO search_fts (kind, ref, title, body) SELECT 'notice', id, title, body FROM notices;
