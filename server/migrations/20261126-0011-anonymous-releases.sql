-- Anonymous survey results are released in batches (issue 11, finding 7).
-- While a survey is open, its results and its per-unit breakdown show only
-- released answers, and a release happens when at least 5 (ANONYMOUS_RESULTS_MIN)
-- answers are waiting: two looks at the results, before and after one member
-- answered, differ by five answers or none. `released` marks the answers a
-- release covered (all answers count once the survey has closed);
-- survey_releases keeps the per-unit "has answered" counts as they were at the
-- last release.
ALTER TABLE survey_answers_anon ADD COLUMN released INTEGER NOT NULL DEFAULT 0;
CREATE TABLE survey_releases (
  form_id  TEXT PRIMARY KEY REFERENCES forms(id),
  answers  INTEGER NOT NULL,
  units    TEXT NOT NULL
) WITHOUT ROWID;

-- The upload quota (finding 5) sums a member's uploads of the last 24 hours.
CREATE INDEX upload_owners_member ON upload_owners (member_id, at);
