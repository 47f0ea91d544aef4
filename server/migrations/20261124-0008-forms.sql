-- The form engine: surveys (アンケート) and applications (各種申請), collections
-- "forms" and "submissions".
--
-- A form's fields live in versions: editing a published form adds a version,
-- and every answer keeps the version it was given against.
--
-- Anonymous surveys: the answer goes to survey_answers_anon, which has no
-- member, no time, no sequence and no rowid (WITHOUT ROWID, keyed by a random
-- id, so even the order of rows on disk says nothing about who answered when).
-- The member's row in submissions is only the "has answered" mark, and a CHECK
-- keeps answers out of it.

CREATE TABLE forms (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('survey', 'application')),
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- {"all": bool, "units": [...], "roles": [...], "members": [...]}
  audience    TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  opens_at    INTEGER NOT NULL,
  closes_at   INTEGER,
  anonymous   INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  allow_edit  INTEGER NOT NULL DEFAULT 0 CHECK (allow_edit IN (0, 1)),
  version     INTEGER NOT NULL DEFAULT 1,
  -- NULL for the templates the union starts with.
  author_id   TEXT REFERENCES members(id),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK (kind = 'survey' OR anonymous = 0)
);

CREATE TABLE form_versions (
  form_id   TEXT NOT NULL REFERENCES forms(id),
  version   INTEGER NOT NULL,
  -- JSON arrays: the fields (shared/src/forms/fields.ts) and, for applications, the approval steps.
  fields    TEXT NOT NULL,
  steps     TEXT NOT NULL DEFAULT '[]',
  editor_id TEXT,
  at        INTEGER NOT NULL,
  PRIMARY KEY (form_id, version)
) WITHOUT ROWID;

CREATE TABLE submissions (
  id           TEXT PRIMARY KEY,
  form_id      TEXT NOT NULL REFERENCES forms(id),
  form_version INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('survey', 'application')),
  member_id    TEXT NOT NULL REFERENCES members(id),
  -- The member's unit when submitted (approvals are relative to it).
  unit_id      TEXT,
  anonymous    INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  answers      TEXT NOT NULL DEFAULT '{}',
  state        TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'in_review', 'returned', 'approved', 'rejected', 'paid', 'withdrawn')),
  step         INTEGER NOT NULL DEFAULT 0,
  steps        INTEGER NOT NULL DEFAULT 0,
  submitted_at INTEGER,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  -- An anonymous answer is never stored with its member: this row is only the mark.
  CHECK (anonymous = 0 OR answers = '{}')
);
CREATE INDEX submissions_form ON submissions (form_id, state);
CREATE INDEX submissions_member ON submissions (member_id);
CREATE INDEX submissions_review ON submissions (kind, state, unit_id);

-- Each change in a submission's life (submit, approve, return, reject, pay, withdraw, edit) with its comment.
CREATE TABLE submission_events (
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  n             INTEGER NOT NULL,
  at            INTEGER NOT NULL,
  actor_id      TEXT,
  action        TEXT NOT NULL,
  state         TEXT NOT NULL,
  step          INTEGER NOT NULL,
  comment       TEXT,
  PRIMARY KEY (submission_id, n)
) WITHOUT ROWID;

-- Anonymous answers: no member, no time, no sequence, no rowid. `id` is random.
CREATE TABLE survey_answers_anon (
  form_id      TEXT NOT NULL REFERENCES forms(id),
  id           TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  answers      TEXT NOT NULL,
  PRIMARY KEY (form_id, id)
) WITHOUT ROWID;

-- forms → collection "forms": the author always; the audience unless a draft.
CREATE TRIGGER sync_forms_insert AFTER INSERT ON forms BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  INSERT INTO sync_docs (collection, id, seq, deleted, scope_unit, scope_member)
    VALUES ('forms', NEW.id, (SELECT seq FROM sync_meta), 0, NULL, NEW.author_id);
  INSERT INTO sync_audience (collection, id, kind, value)
    SELECT 'forms', NEW.id, 'all', '' WHERE NEW.status <> 'draft' AND json_extract(NEW.audience, '$.all')
    UNION SELECT 'forms', NEW.id, 'unit', value FROM json_each(NEW.audience, '$.units') WHERE NEW.status <> 'draft'
    UNION SELECT 'forms', NEW.id, 'role', value FROM json_each(NEW.audience, '$.roles') WHERE NEW.status <> 'draft'
    UNION SELECT 'forms', NEW.id, 'member', value FROM json_each(NEW.audience, '$.members') WHERE NEW.status <> 'draft';
END;

CREATE TRIGGER sync_forms_update AFTER UPDATE ON forms BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  INSERT INTO sync_audience_tombstones (seq, collection, id, kind, value)
    SELECT (SELECT seq FROM sync_meta), collection, id, kind, value FROM sync_audience WHERE collection = 'forms' AND id = OLD.id;
  DELETE FROM sync_audience WHERE collection = 'forms' AND id = OLD.id;
  INSERT INTO sync_audience (collection, id, kind, value)
    SELECT 'forms', NEW.id, 'all', '' WHERE NEW.status <> 'draft' AND json_extract(NEW.audience, '$.all')
    UNION SELECT 'forms', NEW.id, 'unit', value FROM json_each(NEW.audience, '$.units') WHERE NEW.status <> 'draft'
    UNION SELECT 'forms', NEW.id, 'role', value FROM json_each(NEW.audience, '$.roles') WHERE NEW.status <> 'draft'
    UNION SELECT 'forms', NEW.id, 'member', value FROM json_each(NEW.audience, '$.members') WHERE NEW.status <> 'draft';
  UPDATE sync_meta SET seq = seq + 1;
  UPDATE sync_docs SET seq = (SELECT seq FROM sync_meta), scope_member = NEW.author_id WHERE collection = 'forms' AND id = NEW.id;
END;

-- submissions → collection "submissions": only the member's own reach their devices.
CREATE TRIGGER sync_submissions_insert AFTER INSERT ON submissions BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  INSERT INTO sync_docs (collection, id, seq, deleted, scope_unit, scope_member)
    VALUES ('submissions', NEW.id, (SELECT seq FROM sync_meta), 0, NULL, NEW.member_id)
    ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, deleted = 0, scope_member = excluded.scope_member;
END;

CREATE TRIGGER sync_submissions_update AFTER UPDATE ON submissions BEGIN
  UPDATE sync_meta SET seq = seq + 1;
  UPDATE sync_docs SET seq = (SELECT seq FROM sync_meta) WHERE collection = 'submissions' AND id = NEW.id;
END;

-- The application templates a union starts with (慶弔金): officers edit or add their own.
-- Approval: the workplace's officers, then the branch's; a union treasurer records the payment.
INSERT INTO forms (id, kind, title, description, audience, status, opens_at, closes_at, version, author_id, created_at, updated_at) VALUES
  ('tpl-marriage', 'application', '結婚祝金', '組合員が結婚したときの祝金の申請です。婚姻の日から1年以内に申請してください。', '{"all":true,"units":[],"roles":[],"members":[]}', 'published', 0, NULL, 1, NULL, 0, 0),
  ('tpl-birth', 'application', '出産祝金', '組合員または配偶者が出産したときの祝金の申請です。出生の日から1年以内に申請してください。', '{"all":true,"units":[],"roles":[],"members":[]}', 'published', 0, NULL, 1, NULL, 0, 0),
  ('tpl-bereavement', 'application', '弔慰金', '組合員のご家族が亡くなったときの弔慰金の申請です。お悔やみ申し上げます。', '{"all":true,"units":[],"roles":[],"members":[]}', 'published', 0, NULL, 1, NULL, 0, 0);

INSERT INTO form_versions (form_id, version, fields, steps, editor_id, at) VALUES
  ('tpl-marriage', 1, '[
    {"id":"marriage_date","type":"date","label":{"ja":"婚姻日(入籍日)","en":"Date of marriage"},"required":true},
    {"id":"spouse_name","type":"short_text","label":{"ja":"配偶者の氏名","en":"Spouse''s name"},"required":true,"maxLength":100},
    {"id":"certificate","type":"file","label":{"ja":"婚姻を確認できる書類(写真またはPDF)","en":"Proof of marriage (photo or PDF)"},"help":{"ja":"婚姻届受理証明書、住民票などを撮影して添付してください。","en":"Take a photo of the marriage certificate or resident record."},"required":true,"max":3},
    {"id":"note","type":"long_text","label":{"ja":"連絡事項","en":"Notes"},"maxLength":1000}
  ]', '[{"role":"officer","level":0},{"role":"officer","level":1}]', NULL, 0),
  ('tpl-birth', 1, '[
    {"id":"birth_date","type":"date","label":{"ja":"出生日","en":"Date of birth"},"required":true},
    {"id":"child_name","type":"short_text","label":{"ja":"お子さんの氏名","en":"Child''s name"},"required":true,"maxLength":100},
    {"id":"multiple_birth","type":"yes_no","label":{"ja":"多胎出産(双子など)ですか","en":"Multiple birth (twins or more)?"}},
    {"id":"child_count","type":"number","label":{"ja":"生まれたお子さんの人数","en":"Number of children born"},"required":true,"min":2,"max":5,"showIf":{"field":"multiple_birth","equals":true}},
    {"id":"certificate","type":"file","label":{"ja":"出生を確認できる書類(写真またはPDF)","en":"Proof of birth (photo or PDF)"},"help":{"ja":"母子手帳の出生届出済証明のページなどを撮影して添付してください。","en":"Take a photo of the birth registration page of the maternal handbook."},"required":true,"max":3},
    {"id":"note","type":"long_text","label":{"ja":"連絡事項","en":"Notes"},"maxLength":1000}
  ]', '[{"role":"officer","level":0},{"role":"officer","level":1}]', NULL, 0),
  ('tpl-bereavement', 1, '[
    {"id":"relation","type":"single_choice","label":{"ja":"亡くなった方との続柄","en":"Relationship to the deceased"},"required":true,"options":[
      {"id":"spouse","label":{"ja":"配偶者","en":"Spouse"}},
      {"id":"child","label":{"ja":"子","en":"Child"}},
      {"id":"parent","label":{"ja":"父母","en":"Parent"}},
      {"id":"parent_in_law","label":{"ja":"配偶者の父母","en":"Parent-in-law"}},
      {"id":"grandparent","label":{"ja":"祖父母","en":"Grandparent"}},
      {"id":"sibling","label":{"ja":"兄弟姉妹","en":"Sibling"}}]},
    {"id":"deceased_name","type":"short_text","label":{"ja":"亡くなった方の氏名","en":"Name of the deceased"},"required":true,"maxLength":100},
    {"id":"date_of_death","type":"date","label":{"ja":"亡くなった日","en":"Date of death"},"required":true},
    {"id":"proof","type":"file","label":{"ja":"会葬礼状など(写真またはPDF)","en":"Funeral notice or similar (photo or PDF)"},"max":3},
    {"id":"note","type":"long_text","label":{"ja":"連絡事項","en":"Notes"},"maxLength":1000}
  ]', '[{"role":"officer","level":0},{"role":"officer","level":1}]', NULL, 0);
