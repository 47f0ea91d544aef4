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
