-- Stored files (original invoice PDFs, creditor logos, uploaded import files)
-- and the append-only activity log.

CREATE TABLE amiable.stored_file (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  content_type text NOT NULL,
  byte_size bigint NOT NULL CHECK (byte_size >= 0),
  sha256 bytea NOT NULL CHECK (length(sha256) = 32),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX stored_file_sha256 ON amiable.stored_file (tenant_id, sha256);

-- Who did what, when, from where. One row per event; never updated nor deleted
-- (a trigger refuses it even to the owner). debtor_id is null for events that
-- concern the whole tenant (a creditor's details, an import as a whole).
CREATE TABLE amiable.activity (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  debtor_id uuid,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'api-key', 'import', 'engine', 'system')),
  actor_id uuid,
  actor_label text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('web', 'api', 'cli', 'worker')),
  ip text,
  action text NOT NULL CHECK (action ~ '^[a-z][a-z-]*(\.[a-z-]+)+$'),
  subject_type text,
  subject_id uuid,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX activity_debtor ON amiable.activity (tenant_id, debtor_id, occurred_at DESC, id DESC);
CREATE INDEX activity_time ON amiable.activity (tenant_id, occurred_at DESC, id DESC);

CREATE TRIGGER activity_append_only BEFORE UPDATE OR DELETE ON amiable.activity
  FOR EACH ROW EXECUTE FUNCTION amiable.refuse_change();
CREATE TRIGGER activity_no_truncate BEFORE TRUNCATE ON amiable.activity
  FOR EACH STATEMENT EXECUTE FUNCTION amiable.refuse_change();

ALTER TABLE amiable.stored_file ENABLE ROW LEVEL SECURITY;
ALTER TABLE amiable.stored_file FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON amiable.stored_file
  USING (tenant_id = amiable.current_tenant_id()) WITH CHECK (tenant_id = amiable.current_tenant_id());

ALTER TABLE amiable.activity ENABLE ROW LEVEL SECURITY;
ALTER TABLE amiable.activity FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON amiable.activity
  USING (tenant_id = amiable.current_tenant_id()) WITH CHECK (tenant_id = amiable.current_tenant_id());

GRANT SELECT, INSERT, DELETE ON amiable.stored_file TO amiable_app;
GRANT SELECT, INSERT ON amiable.activity TO amiable_app;
