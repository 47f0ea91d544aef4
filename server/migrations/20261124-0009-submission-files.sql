-- Files attached to named submissions (application evidence, photo answers),
-- so GET /api/files/:hash can serve one to its applicant and to the officers
-- who review them without scanning every submission's answers.
-- Anonymous surveys take no file fields: a file is tied to its uploader.
CREATE TABLE submission_files (
  hash          TEXT NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  PRIMARY KEY (hash, submission_id)
) WITHOUT ROWID;
CREATE INDEX submission_files_submission ON submission_files (submission_id);
