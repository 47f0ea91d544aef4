-- Issue 15: members whose personal data was pseudonymised after leaving + the retention period.
ALTER TABLE members ADD COLUMN pseudonymised_at INTEGER;
