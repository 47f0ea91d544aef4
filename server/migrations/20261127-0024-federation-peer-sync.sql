-- Federation (issue 20): the link between two servers runs over the sync protocol. A union's server
-- syncs three collections with its federation's as a client with a narrow scope, authenticated by a
-- service token (only its SHA-256 kept here): federation_items (fed_items), federation_reports
-- (fed_reports), federation_links (fed_unions). `peer_id` is the sync principal of a linked union,
-- `peer:<id>`, the member its own link and reports are scoped to.

ALTER TABLE fed_unions ADD COLUMN service_token_hash TEXT;
ALTER TABLE fed_unions ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE fed_unions ADD COLUMN peer_id TEXT GENERATED ALWAYS AS ('peer:' || id) VIRTUAL;
CREATE UNIQUE INDEX fed_unions_service_token ON fed_unions (service_token_hash) WHERE service_token_hash IS NOT NULL;

-- An item as the federation signed it (the exact text and its Ed25519 signature; signed at publish,
-- or at the first start after this migration for older ones), and who reads it: linked unions only.
ALTER TABLE fed_items ADD COLUMN message TEXT;
ALTER TABLE fed_items ADD COLUMN signature TEXT;
ALTER TABLE fed_items ADD COLUMN audience TEXT NOT NULL DEFAULT '{"all":false,"units":[],"roles":["federation_union"],"members":[]}';

-- A report as the union signed it.
ALTER TABLE fed_reports ADD COLUMN message TEXT;
ALTER TABLE fed_reports ADD COLUMN signature TEXT;
ALTER TABLE fed_reports ADD COLUMN peer_id TEXT GENERATED ALWAYS AS ('peer:' || union_id) VIRTUAL;

-- Union side: the sync checkpoint of federation_items ({seq, epoch} of the federation's engine), and
-- whether this union's own pause or revoke is still to be told to the federation (it was unreachable).
ALTER TABLE link_federation ADD COLUMN peer_checkpoint TEXT;
ALTER TABLE link_federation ADD COLUMN untold INTEGER NOT NULL DEFAULT 0;

-- The item sequence a union kept before the link ran over sync (replaced by peer_checkpoint).
ALTER TABLE link_federation DROP COLUMN checkpoint;
