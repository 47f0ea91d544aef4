-- Consultations (相談窓口, issue 21). The synced collection `consultations`
-- reads this one table, whose rows are told apart by `kind`:
--   case:    id = case_id (the device's UUID); member_id = the member who opened it.
--   message: a reply in case_id, by its member or an assigned officer; member_id = the case's member.
--   note:    an internal note in case_id, by an assigned officer; member_id NULL (the member never gets it).
-- `audience` ({all:false, units:[], roles:[], members:[assignees]}) is the case's
-- assigned officers, copied to every row of the case when they change, so the
-- sync engine removes the case, its messages and notes from a former assignee.
-- text, attachments and contact_note are sealed (AES-256-GCM, the record id as
-- AAD) with a key kept outside the database (lib/sealed.ts); erased rows keep
-- '' there, and a case row keeps category, desk and month for the counts.

CREATE TABLE consultations (
  id                     TEXT PRIMARY KEY,
  kind                   TEXT NOT NULL CHECK (kind IN ('case', 'message', 'note')),
  case_id                TEXT NOT NULL,
  member_id              TEXT REFERENCES members(id),
  audience               TEXT NOT NULL,
  erased                 INTEGER NOT NULL DEFAULT 0,
  text                   TEXT NOT NULL,
  attachments            TEXT NOT NULL,
  -- kind = case
  category               TEXT,
  desk_unit_id           TEXT REFERENCES units(id),
  desk_level             TEXT CHECK (desk_level IS NULL OR desk_level IN ('workplace', 'branch', 'central')),
  anonymous              INTEGER,
  contact_at_work        INTEGER,
  preferred_contact      TEXT,
  contact_note           TEXT,
  status                 TEXT CHECK (status IS NULL OR status IN ('received', 'in_progress', 'resolved', 'closed')),
  assignees              TEXT,
  needs_assignment       INTEGER,
  opened_at              INTEGER,
  month                  TEXT,
  closed_at              INTEGER,
  last_message_at        INTEGER,
  last_message_from_officer INTEGER,
  -- kind = message | note
  author_id              TEXT REFERENCES members(id),
  from_officer           INTEGER,
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL,
  CHECK ((kind = 'case') = (id = case_id))
);
CREATE INDEX consultations_case ON consultations (case_id, kind);
CREATE INDEX consultations_desk ON consultations (desk_unit_id, status) WHERE kind = 'case';
CREATE INDEX consultations_counts ON consultations (month, category, desk_unit_id) WHERE kind = 'case';

-- Attached files, stored sealed through uploads (uploads-service storeSealed):
-- hash names the sealed bytes; the file's name lives sealed in the row that attaches it.
CREATE TABLE consultation_files (
  id          TEXT PRIMARY KEY,
  hash        TEXT NOT NULL REFERENCES uploads(hash),
  uploader_id TEXT NOT NULL REFERENCES members(id),
  type        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  -- The row (case or message) it is attached to; NULL until then.
  record_id   TEXT,
  case_id     TEXT,
  created_at  INTEGER NOT NULL
);
CREATE INDEX consultation_files_case ON consultation_files (case_id);

-- The union's settings, and the check that the key file is the one the content was sealed with.
CREATE TABLE consultation_settings (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  retention_days INTEGER NOT NULL,
  key_check      TEXT
);
INSERT INTO consultation_settings (id, retention_days, key_check) VALUES (1, 365, NULL);
