-- Recovery: scenarios and segments, cases (dossiers), invoices' progress through
-- their scenario, promises to pay, and the dispatch rows that make every action
-- effectively-once (issue 4; semantics in packages/recovery/src/progression.ts).

-- Rules of contact of a tenant (one row; defaults when absent).
CREATE TABLE amiable.contact_policy (
  tenant_id uuid PRIMARY KEY REFERENCES amiable.tenant (id),
  max_contacts_per_week integer NOT NULL DEFAULT 2 CHECK (max_contacts_per_week BETWEEN 1 AND 7),
  min_days_between_contacts integer NOT NULL DEFAULT 3 CHECK (min_days_between_contacts BETWEEN 0 AND 365),
  no_contact_on text[] NOT NULL DEFAULT ARRAY['saturday', 'sunday', 'holiday']
    CHECK (no_contact_on <@ ARRAY['saturday', 'sunday', 'holiday']),
  -- Sending window, Europe/Paris wall-clock hours.
  window_start time NOT NULL DEFAULT '09:00',
  window_end time NOT NULL DEFAULT '18:00' CHECK (window_end > window_start),
  updated_at timestamptz NOT NULL
);

-- A scenario's steps are edited as a whole (the timeline editor) and validated by
-- the application: [{ id, offsetDays, channel, requiresApproval, minOutstandingCents,
-- debtorKinds, template: { fr: { subject, body }, en: … } }].
CREATE TABLE amiable.scenario (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  key text CHECK (key ~ '^[a-z][a-z0-9-]{1,60}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description text CHECK (length(description) <= 2000),
  steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array'),
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name)
);
CREATE UNIQUE INDEX scenario_key ON amiable.scenario (tenant_id, key) WHERE key IS NOT NULL;
CREATE UNIQUE INDEX scenario_one_default ON amiable.scenario (tenant_id) WHERE is_default;

-- Segments: the first rule (by position) whose every set criterion matches assigns its scenario.
CREATE TABLE amiable.segment_rule (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  scenario_id uuid NOT NULL,
  debtor_kind text CHECK (debtor_kind IN ('business', 'consumer')),
  min_outstanding_cents bigint CHECK (min_outstanding_cents >= 0),
  max_outstanding_cents bigint CHECK (max_outstanding_cents >= 0),
  min_oldest_days_overdue integer CHECK (min_oldest_days_overdue >= 0),
  tag text CHECK (length(tag) <= 40),
  min_average_days_late integer CHECK (min_average_days_late >= 0),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, position) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (tenant_id, scenario_id) REFERENCES amiable.scenario (tenant_id, id)
);

ALTER TABLE amiable.debtor ADD COLUMN scenario_id uuid;
ALTER TABLE amiable.debtor ADD CONSTRAINT debtor_scenario_fk FOREIGN KEY (tenant_id, scenario_id) REFERENCES amiable.scenario (tenant_id, id);

-- A case (dossier): one per debtor and creditor while open.
CREATE TABLE amiable.recovery_case (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  debtor_id uuid NOT NULL,
  creditor_id uuid NOT NULL,
  state text NOT NULL CHECK (state IN ('open', 'in-progress', 'promise-to-pay', 'payment-plan', 'disputed', 'formal-notice-sent',
                                      'ready-for-litigation', 'closed')),
  closed_reason text CHECK (closed_reason IN ('paid', 'written-off', 'transferred')),
  opened_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, debtor_id) REFERENCES amiable.debtor (tenant_id, id),
  FOREIGN KEY (tenant_id, creditor_id) REFERENCES amiable.creditor (tenant_id, id),
  CHECK ((state = 'closed') = (closed_reason IS NOT NULL))
);
CREATE UNIQUE INDEX recovery_case_open ON amiable.recovery_case (tenant_id, debtor_id, creditor_id) WHERE state <> 'closed';

-- Every change of state, with who and why. Append-only.
CREATE TABLE amiable.case_transition (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  from_state text,
  to_state text NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'api-key', 'import', 'engine', 'system')),
  actor_label text NOT NULL,
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES amiable.recovery_case (tenant_id, id)
);
CREATE INDEX case_transition_case ON amiable.case_transition (tenant_id, case_id, occurred_at);
CREATE TRIGGER case_transition_append_only BEFORE UPDATE OR DELETE ON amiable.case_transition
  FOR EACH ROW EXECUTE FUNCTION amiable.refuse_change();

-- Where each invoice stands in its scenario; an invoice never goes back (a trigger refuses it).
CREATE TABLE amiable.invoice_progress (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  invoice_id uuid NOT NULL,
  scenario_id uuid NOT NULL,
  step_index integer NOT NULL CHECK (step_index >= 0),
  step_id text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, invoice_id),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES amiable.invoice (tenant_id, id),
  FOREIGN KEY (tenant_id, scenario_id) REFERENCES amiable.scenario (tenant_id, id)
);
CREATE FUNCTION amiable.invoice_progress_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.scenario_id = OLD.scenario_id AND NEW.step_index < OLD.step_index THEN
    RAISE EXCEPTION 'an invoice never goes back to an earlier step (% < %)', NEW.step_index, OLD.step_index
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER invoice_progress_forward BEFORE UPDATE ON amiable.invoice_progress
  FOR EACH ROW EXECUTE FUNCTION amiable.invoice_progress_forward();

CREATE TABLE amiable.promise_to_pay (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  made_on date NOT NULL,
  until date NOT NULL CHECK (until >= made_on),
  amount_cents bigint CHECK (amount_cents > 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'broken', 'cancelled')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES amiable.recovery_case (tenant_id, id)
);
CREATE INDEX promise_open ON amiable.promise_to_pay (tenant_id, case_id) WHERE status = 'open';

-- One row per action: unique per (case, step, occurrence) — the day it was planned
-- for — and per idempotency key, so planning twice, or by 50 transactions at once,
-- makes one action. Its status says how far it went; 'sending' means a worker may
-- have handed it to the provider: if that worker dies, the action becomes
-- 'uncertain' (human review), never resent automatically.
CREATE TABLE amiable.dispatch (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  debtor_id uuid NOT NULL,
  scenario_id uuid NOT NULL,
  step_id text NOT NULL,
  step_index integer NOT NULL,
  occurrence date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'letter', 'registered-letter', 'sms', 'call', 'task')),
  invoice_ids uuid[] NOT NULL CHECK (cardinality(invoice_ids) > 0),
  status text NOT NULL CHECK (status IN ('awaiting-approval', 'planned', 'sending', 'sent', 'done', 'skipped', 'uncertain',
                                          'failed', 'cancelled')),
  idempotency_key text NOT NULL,
  recipient text,
  provider_ref text,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  outcome jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, case_id, step_id, occurrence),
  UNIQUE (tenant_id, idempotency_key),
  FOREIGN KEY (tenant_id, case_id) REFERENCES amiable.recovery_case (tenant_id, id),
  FOREIGN KEY (tenant_id, debtor_id) REFERENCES amiable.debtor (tenant_id, id),
  FOREIGN KEY (tenant_id, scenario_id) REFERENCES amiable.scenario (tenant_id, id)
);
CREATE INDEX dispatch_debtor_contacts ON amiable.dispatch (tenant_id, debtor_id, occurrence);
CREATE INDEX dispatch_open ON amiable.dispatch (tenant_id, status, occurrence) WHERE status IN ('awaiting-approval', 'planned', 'sending', 'uncertain');

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['contact_policy', 'scenario', 'segment_rule', 'recovery_case', 'case_transition', 'invoice_progress',
                           'promise_to_pay', 'dispatch'] LOOP
    EXECUTE format('ALTER TABLE amiable.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE amiable.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON amiable.%I USING (tenant_id = amiable.current_tenant_id()) '
                   'WITH CHECK (tenant_id = amiable.current_tenant_id())', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON amiable.contact_policy, amiable.scenario, amiable.recovery_case, amiable.invoice_progress,
  amiable.promise_to_pay, amiable.dispatch TO amiable_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON amiable.segment_rule TO amiable_app;
GRANT SELECT, INSERT ON amiable.case_transition TO amiable_app;
