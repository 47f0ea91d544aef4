-- Meetings and events (会議・大会・イベント, issue 19). The sync engine reads a
-- collection from one source table, so the synced collection `events` reads
-- this one table, whose rows are told apart by `kind`:
--   meeting: id = the meeting's id; member_id = its organiser (who always reads
--            it, like a notice's author); audience = who it reaches (JSON).
--   rsvp:    id = 'rsvp:<meetingId>:<memberId>'; member_id = the invitee, who
--            alone reads it; withdrawn = 1 once they left the audience (the
--            device then gets it as removed; the answer is kept).
-- Columns of the other kind stay NULL. The meeting's own columns that no
-- device reads (delegates, minutes' draft, cancel reason) are never projected.

CREATE TABLE events (
  id                   TEXT PRIMARY KEY,
  kind                 TEXT NOT NULL CHECK (kind IN ('meeting', 'rsvp')),
  meeting_id           TEXT NOT NULL,
  member_id            TEXT REFERENCES members(id),
  withdrawn            INTEGER NOT NULL DEFAULT 0,
  -- kind = meeting
  audience             TEXT,
  meeting_kind         TEXT,
  unit_id              TEXT REFERENCES units(id),
  title                TEXT,
  title_en             TEXT,
  description          TEXT,
  description_en       TEXT,
  starts_at            INTEGER,
  ends_at              INTEGER,
  place                TEXT,
  place_en             TEXT,
  online_url           TEXT,
  chair_id             TEXT,
  quorum               TEXT,
  rsvp_by              INTEGER,
  agenda               TEXT,
  delegates            TEXT,
  decisions            TEXT,
  minutes_text         TEXT,
  minutes_text_en      TEXT,
  minutes_approved_at  INTEGER,
  minutes_document_id  TEXT,
  cancelled            INTEGER NOT NULL DEFAULT 0,
  cancel_reason        TEXT,
  created_at           INTEGER,
  -- kind = rsvp
  answer               TEXT CHECK (answer IS NULL OR answer IN ('attend', 'absent', 'undecided')),
  answered_at          INTEGER,
  note                 TEXT,
  proxy                TEXT,
  delegate             INTEGER,
  present              INTEGER,
  checkin_code         TEXT,
  reminded_at          INTEGER,
  updated_at           INTEGER NOT NULL,
  CHECK ((kind = 'meeting') = (id = meeting_id))
);
CREATE INDEX events_meeting ON events (meeting_id, kind);
CREATE INDEX events_member ON events (member_id, kind);
CREATE INDEX events_starts ON events (starts_at) WHERE kind = 'meeting';

-- Check-ins as officers' phones and door kiosks send them (perhaps offline, perhaps twice):
-- the device's id makes each idempotent; presence itself is the rsvp's `present`.
CREATE TABLE meeting_checkins (
  id           TEXT PRIMARY KEY,
  meeting_id   TEXT NOT NULL,
  member_id    TEXT,
  device_at    INTEGER NOT NULL,
  recorded_by  TEXT NOT NULL,
  recorded_at  INTEGER NOT NULL,
  outcome      TEXT NOT NULL
);
CREATE INDEX meeting_checkins_meeting ON meeting_checkins (meeting_id);

-- A member's secret calendar feed: only the SHA-256 of the secret is kept.
CREATE TABLE calendar_feeds (
  member_id    TEXT PRIMARY KEY REFERENCES members(id),
  secret_hash  TEXT NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL
);
