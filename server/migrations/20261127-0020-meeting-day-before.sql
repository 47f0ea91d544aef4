-- The push the day before a meeting (issue 19): one row per meeting once its
-- invitees were reminded, so a second poll or a restart never sends it twice.
-- Kept out of `events` on purpose: any change to a meeting's row re-sends the
-- meeting to every invitee's device.
CREATE TABLE meeting_day_before (
  meeting_id  TEXT PRIMARY KEY REFERENCES events(id),
  sent_at     INTEGER NOT NULL,
  members     INTEGER NOT NULL
);
