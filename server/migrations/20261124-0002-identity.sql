-- Identity, roster and access: unit codes for roster import, member history,
-- activation codes, kiosk PINs, kiosks, API tokens, sign-in throttling, audit log.

ALTER TABLE units ADD COLUMN code TEXT;
CREATE UNIQUE INDEX units_code ON units (code) WHERE code IS NOT NULL;

ALTER TABLE members ADD COLUMN joined_on TEXT;   -- ISO date (YYYY-MM-DD) from the roster
ALTER TABLE members ADD COLUMN pin_hash TEXT;    -- kiosk PIN, set at activation
ALTER TABLE members ADD COLUMN activated_at INTEGER;

-- Join / transfer / leave / status history, one row per change.
CREATE TABLE member_events (
  id          INTEGER PRIMARY KEY,
  member_id   TEXT NOT NULL REFERENCES members(id),
  kind        TEXT NOT NULL CHECK (kind IN ('joined', 'transferred', 'status_changed', 'updated')),
  from_unit   TEXT,
  to_unit     TEXT,
  from_status TEXT,
  to_status   TEXT,
  effective_on TEXT,
  actor_id    TEXT,
  at          INTEGER NOT NULL
);
CREATE INDEX member_events_member ON member_events (member_id);

-- One-time activation codes: only the hash is kept; a new code replaces the old one.
CREATE TABLE activation_codes (
  member_id  TEXT PRIMARY KEY REFERENCES members(id),
  code_hash  TEXT NOT NULL UNIQUE,
  issued_by  TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE kiosks (
  id             TEXT PRIMARY KEY,
  unit_id        TEXT NOT NULL REFERENCES units(id),
  name           TEXT NOT NULL,
  credential_hash TEXT NOT NULL UNIQUE,
  registered_by  TEXT NOT NULL REFERENCES members(id),
  created_at     INTEGER NOT NULL,
  revoked_at     INTEGER
);

ALTER TABLE sessions ADD COLUMN kiosk_id TEXT REFERENCES kiosks(id);

-- Bearer tokens for API and sync clients acting as a member (`pnpm kumiai token create`).
CREATE TABLE api_tokens (
  id         TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  member_id  TEXT NOT NULL REFERENCES members(id),
  label      TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);

-- Sign-in throttling: failures per key (account or address) in a sliding window.
CREATE TABLE auth_failures (
  key        TEXT PRIMARY KEY,
  count      INTEGER NOT NULL,
  first_at   INTEGER NOT NULL,
  locked_until INTEGER NOT NULL DEFAULT 0
);

-- Append-only audit log with a hash chain: each row's hash covers the previous hash.
CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor_id  TEXT,
  action    TEXT NOT NULL,
  target    TEXT,
  detail    TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
