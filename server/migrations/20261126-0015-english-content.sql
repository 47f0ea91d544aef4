-- Content in both languages: a notice, a form, a documents folder or a
-- document may carry English beside the Japanese (NULL: none; members reading
-- in English then see the Japanese). Devices get the new fields through sync
-- (the synced schemas went to version 1).
ALTER TABLE notices ADD COLUMN title_en TEXT;
ALTER TABLE notices ADD COLUMN body_en TEXT;
ALTER TABLE forms ADD COLUMN title_en TEXT;
ALTER TABLE forms ADD COLUMN description_en TEXT;
ALTER TABLE documents ADD COLUMN title_en TEXT;
ALTER TABLE documents ADD COLUMN description_en TEXT;

-- The built-in application templates and folders ship in both languages. Only
-- while they still carry the text they shipped with (a union that edited one
-- keeps its own); the update triggers re-stamp them, so devices pull the English.
UPDATE forms SET title_en = 'Marriage gift',
  description_en = 'For a member who marries. Please apply within one year of the date of marriage.'
  WHERE id = 'tpl-marriage' AND title = '結婚祝金' AND title_en IS NULL;
UPDATE forms SET title_en = 'Birth gift',
  description_en = 'For a member or their spouse who gives birth. Please apply within one year of the date of birth.'
  WHERE id = 'tpl-birth' AND title = '出産祝金' AND title_en IS NULL;
UPDATE forms SET title_en = 'Condolence payment',
  description_en = 'For a member whose family member has died. Our deepest sympathy.'
  WHERE id = 'tpl-bereavement' AND title = '弔慰金' AND title_en IS NULL;
UPDATE documents SET title_en = 'Bylaws' WHERE id = 'folder-bylaws' AND title = '規約' AND title_en IS NULL;
UPDATE documents SET title_en = 'Minutes' WHERE id = 'folder-minutes' AND title = '議事録' AND title_en IS NULL;
UPDATE documents SET title_en = 'Activity reports' WHERE id = 'folder-reports' AND title = '活動報告' AND title_en IS NULL;
UPDATE documents SET title_en = 'Meeting papers' WHERE id = 'folder-meetings' AND title = '会議資料' AND title_en IS NULL;

-- Search finds the English too: a second index row per notice or document with
-- English (same kind and ref, so a hit is still one notice; the re-index on an
-- edit deletes by kind and ref, both rows). Its title is the English one, so a
-- search in English shows the English title and snippet.
DROP TRIGGER search_notices_update;
CREATE TRIGGER search_notices_update AFTER UPDATE OF title, body, title_en, body_en ON notices BEGIN
  DELETE FROM search_fts WHERE kind = 'notice' AND ref = OLD.id;
  INSERT INTO search_fts (kind, ref, title, body) VALUES ('notice', NEW.id, NEW.title, NEW.body);
  INSERT INTO search_fts (kind, ref, title, body)
    SELECT 'notice', NEW.id, coalesce(NEW.title_en, NEW.title), coalesce(NEW.body_en, '') WHERE NEW.title_en IS NOT NULL OR NEW.body_en IS NOT NULL;
END;
CREATE TRIGGER search_notices_insert_en AFTER INSERT ON notices WHEN NEW.title_en IS NOT NULL OR NEW.body_en IS NOT NULL BEGIN
  INSERT INTO search_fts (kind, ref, title, body) VALUES ('notice', NEW.id, coalesce(NEW.title_en, NEW.title), coalesce(NEW.body_en, ''));
END;
DROP TRIGGER search_documents_update;
CREATE TRIGGER search_documents_update AFTER UPDATE OF title, description, title_en, description_en ON documents WHEN NEW.kind = 'document' BEGIN
  DELETE FROM search_fts WHERE kind = 'document' AND ref = OLD.id;
  INSERT INTO search_fts (kind, ref, title, body) VALUES ('document', NEW.id, NEW.title, NEW.description);
  INSERT INTO search_fts (kind, ref, title, body)
    SELECT 'document', NEW.id, coalesce(NEW.title_en, NEW.title), coalesce(NEW.description_en, '') WHERE NEW.title_en IS NOT NULL OR NEW.description_en IS NOT NULL;
END;
CREATE TRIGGER search_documents_insert_en AFTER INSERT ON documents WHEN NEW.kind = 'document' AND (NEW.title_en IS NOT NULL OR NEW.description_en IS NOT NULL) BEGIN
  INSERT INTO search_fts (kind, ref, title, body) VALUES ('document', NEW.id, coalesce(NEW.title_en, NEW.title), coalesce(NEW.description_en, ''));
END;
