-- Issue 14: reminders that say why. Each reminder of a notice is kept (who, when,
-- how many were unread); a member's device asks for the reminded notices they have
-- not read yet (GET /api/me/notice-reminders). A table of its own, not a column on
-- notices: a reminder must not rewrite the notice for every device in its audience.
CREATE TABLE notice_reminders (
  id         INTEGER PRIMARY KEY,
  notice_id  TEXT NOT NULL REFERENCES notices(id),
  actor_id   TEXT REFERENCES members(id),
  at         INTEGER NOT NULL,
  unread     INTEGER NOT NULL
);
CREATE INDEX notice_reminders_notice ON notice_reminders (notice_id, at);
