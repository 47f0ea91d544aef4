-- Issue 15: each database carries a sync epoch. A restore from a backup writes a new one, so a device
-- holding a checkpoint of the old epoch (ahead of the restored sequence) pulls everything again and
-- re-sends its own writes. `restored_from` (JSON: {at, seq, epoch}) says which backup the database came from.
ALTER TABLE sync_meta ADD COLUMN epoch TEXT NOT NULL DEFAULT '';
UPDATE sync_meta SET epoch = lower(hex(randomblob(8)));
ALTER TABLE sync_meta ADD COLUMN restored_from TEXT;
