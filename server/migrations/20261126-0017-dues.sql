-- Dues (組合費, issue 18): rules per member class from a month, the union's
-- policy, exemptions, base pay, the employer's check-off imports, direct
-- payments, and one record per member, month and account (synced as `dues`).
-- Amounts are integer yen. Months are 'YYYY-MM', days 'YYYY-MM-DD'.

CREATE TABLE dues_policy (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  class_day        TEXT NOT NULL CHECK (class_day IN ('first', 'last')),
  exempt_when      TEXT NOT NULL CHECK (exempt_when IN ('whole_month', 'any_day', 'prorate')),
  prorate_mode     TEXT NOT NULL CHECK (prorate_mode IN ('floor', 'ceil', 'half_up')),
  prorate_unit     INTEGER NOT NULL,
  strike_fund      INTEGER NOT NULL DEFAULT 0,
  updated_at       INTEGER NOT NULL
);

-- A rule is never edited: a change is a new rule from a later month.
CREATE TABLE dues_rules (
  id           TEXT PRIMARY KEY,
  member_class TEXT NOT NULL,
  account      TEXT NOT NULL CHECK (account IN ('general', 'strike')),
  from_month   TEXT NOT NULL,
  formula      TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  UNIQUE (member_class, account, from_month)
);

CREATE TABLE dues_exemptions (
  id         TEXT PRIMARY KEY,
  member_id  TEXT NOT NULL REFERENCES members(id),
  from_day   TEXT NOT NULL,
  to_day     TEXT NOT NULL,
  reason     TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX dues_exemptions_member ON dues_exemptions (member_id);

CREATE TABLE dues_base_pay (
  member_id TEXT NOT NULL REFERENCES members(id),
  month     TEXT NOT NULL,
  amount    INTEGER NOT NULL,
  PRIMARY KEY (member_id, month)
) WITHOUT ROWID;

-- The check-off columns remembered per employer (header texts).
CREATE TABLE dues_employers (
  name            TEXT PRIMARY KEY,
  employee_column TEXT NOT NULL,
  amount_column   TEXT NOT NULL,
  base_pay_column TEXT,
  strike_column   TEXT,
  updated_at      INTEGER NOT NULL
);

CREATE TABLE dues_imports (
  id         TEXT PRIMARY KEY,
  employer   TEXT NOT NULL,
  month      TEXT NOT NULL,
  rows       INTEGER NOT NULL,
  matched    INTEGER NOT NULL,
  applied_by TEXT NOT NULL,
  applied_at INTEGER NOT NULL,
  UNIQUE (employer, month)
);

-- Money received: check-off lines (import_id set) and direct payments (振込, 現金).
CREATE TABLE dues_payments (
  id          INTEGER PRIMARY KEY,
  member_id   TEXT NOT NULL REFERENCES members(id),
  month       TEXT NOT NULL,
  account     TEXT NOT NULL CHECK (account IN ('general', 'strike')),
  amount      INTEGER NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('checkoff', 'transfer', 'cash')),
  import_id   TEXT REFERENCES dues_imports(id),
  note        TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
);
CREATE INDEX dues_payments_member_month ON dues_payments (member_id, month);
CREATE INDEX dues_payments_import ON dues_payments (import_id);

-- One member's month and account: what was expected (frozen when recorded) and received.
CREATE TABLE dues_records (
  id         TEXT PRIMARY KEY,
  member_id  TEXT NOT NULL REFERENCES members(id),
  unit_id    TEXT NOT NULL,
  month      TEXT NOT NULL,
  account    TEXT NOT NULL CHECK (account IN ('general', 'strike')),
  expected   INTEGER NOT NULL,
  deducted   INTEGER NOT NULL,
  paid       INTEGER NOT NULL,
  source     TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX dues_records_month ON dues_records (month, unit_id);
CREATE INDEX dues_records_member ON dues_records (member_id, month);
