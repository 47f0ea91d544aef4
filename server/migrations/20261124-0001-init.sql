-- The organisation tree, members, roles, sessions and the first-run setup token.
-- Times are milliseconds since the Unix epoch (UTC), set by the server's clock.

CREATE TABLE units (
  id          TEXT PRIMARY KEY,
  parent_id   TEXT REFERENCES units(id),
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('union', 'branch', 'workplace', 'group')),
  archived_at INTEGER,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
-- Exactly one root: the union itself.
CREATE UNIQUE INDEX units_single_root ON units ((parent_id IS NULL)) WHERE parent_id IS NULL;
CREATE INDEX units_parent ON units (parent_id);

CREATE TABLE members (
  id                 TEXT PRIMARY KEY,
  employee_number    TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL,
  name_kana          TEXT NOT NULL DEFAULT '',
  unit_id            TEXT NOT NULL REFERENCES units(id),
  member_class       TEXT NOT NULL DEFAULT 'regular',
  status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'left')),
  email              TEXT,
  phone              TEXT,
  preferred_language TEXT CHECK (preferred_language IN ('ja', 'en')),
  password_hash      TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);
CREATE INDEX members_unit ON members (unit_id);

CREATE TABLE role_grants (
  id         TEXT PRIMARY KEY,
  member_id  TEXT NOT NULL REFERENCES members(id),
  unit_id    TEXT NOT NULL REFERENCES units(id),
  role       TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'treasurer', 'viewer', 'election_commissioner', 'member')),
  created_at INTEGER NOT NULL,
  UNIQUE (member_id, unit_id, role)
);
CREATE INDEX role_grants_unit ON role_grants (unit_id);

CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  member_id    TEXT NOT NULL REFERENCES members(id),
  kind         TEXT NOT NULL DEFAULT 'personal' CHECK (kind IN ('personal', 'kiosk')),
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  idle_ms      INTEGER NOT NULL
);
CREATE INDEX sessions_member ON sessions (member_id);

CREATE TABLE setup_tokens (
  token_hash TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
