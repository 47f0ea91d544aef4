-- PDFs whose Japanese font is not embedded (a predefined CMap, as Kumiai's own minutes and bylaw PDFs)
-- were read as empty text before pdf.js was given its CMap files. Forget those empty results so the next
-- search extracts them again (search_upload_texts_insert indexes the new text). Real failures stay.
DELETE FROM search_fts WHERE kind = 'upload' AND ref IN (SELECT hash FROM upload_texts WHERE error IS NULL AND text = '');
DELETE FROM upload_texts WHERE error IS NULL AND text = '';
