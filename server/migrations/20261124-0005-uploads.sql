-- Uploaded files, stored content-addressed on disk (data/uploads/ab/abcdef…) by
-- SHA-256; the rows say what each is and who uploaded it. A notice may
-- reference only uploads its author made.
CREATE TABLE uploads (
  hash       TEXT PRIMARY KEY,
  size       INTEGER NOT NULL,
  type       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE upload_owners (
  hash      TEXT NOT NULL REFERENCES uploads(hash),
  member_id TEXT NOT NULL REFERENCES members(id),
  name      TEXT NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (hash, member_id)
) WITHOUT ROWID;

ALTER TABLE notices ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
CREATE TABLE notice_attachments (
  notice_id TEXT NOT NULL REFERENCES notices(id),
  hash      TEXT NOT NULL REFERENCES uploads(hash),
  PRIMARY KEY (notice_id, hash)
) WITHOUT ROWID;
CREATE INDEX notice_attachments_hash ON notice_attachments (hash);
