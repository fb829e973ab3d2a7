-- The receivables ledger (créances): creditors, debtors and their contacts,
-- invoices and credit notes, payments, allocations, disputes, imports.
-- Amounts are integer cents in bigint; calendar dates are `date`.

CREATE TABLE amiable.creditor (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  legal_name text NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
  trade_name text CHECK (length(trade_name) <= 200),
  legal_form text CHECK (length(legal_form) <= 100),
  siren text CHECK (siren ~ '^\d{9}$'),
  siret text CHECK (siret ~ '^\d{14}$' AND (siren IS NULL OR left(siret, 9) = siren)),
  vat_number text CHECK (vat_number ~ '^[A-Z]{2}[0-9A-Z]{2,13}$'),
  address_line1 text CHECK (length(address_line1) <= 200),
  address_line2 text CHECK (length(address_line2) <= 200),
  postal_code text CHECK (length(postal_code) <= 20),
  city text CHECK (length(city) <= 100),
  country text NOT NULL DEFAULT 'FR' CHECK (country ~ '^[A-Z]{2}$'),
  iban text CHECK (iban ~ '^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$'),
  bic text CHECK (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
  email text CHECK (length(email) <= 254),
  phone text CHECK (length(phone) <= 40),
  logo_file_id uuid,
  -- Footer of the creditor's letters: legal form, share capital, RCS, VAT… (C. com. R123-237).
  letter_legal_mentions text CHECK (length(letter_legal_mentions) <= 2000),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, logo_file_id) REFERENCES amiable.stored_file (tenant_id, id)
);
CREATE UNIQUE INDEX creditor_siren_key ON amiable.creditor (tenant_id, siren) WHERE siren IS NOT NULL;

CREATE TABLE amiable.debtor (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('business', 'consumer')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- name folded for the "exact name" match of imports: lower case, no accents, single spaces.
  name_key text NOT NULL,
  siren text CHECK (siren ~ '^\d{9}$'),
  siret text CHECK (siret ~ '^\d{14}$' AND (siren IS NULL OR left(siret, 9) = siren)),
  vat_number text CHECK (vat_number ~ '^[A-Z]{2}[0-9A-Z]{2,13}$'),
  email text CHECK (length(email) <= 254),
  phone text CHECK (length(phone) <= 40),
  address_line1 text CHECK (length(address_line1) <= 200),
  address_line2 text CHECK (length(address_line2) <= 200),
  postal_code text CHECK (length(postal_code) <= 20),
  city text CHECK (length(city) <= 100),
  country text NOT NULL DEFAULT 'FR' CHECK (country ~ '^[A-Z]{2}$'),
  preferred_locale text NOT NULL DEFAULT 'fr' CHECK (preferred_locale IN ('fr', 'en')),
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (kind = 'business' OR (siren IS NULL AND siret IS NULL))
);
CREATE UNIQUE INDEX debtor_siren_key ON amiable.debtor (tenant_id, siren) WHERE siren IS NOT NULL;
CREATE INDEX debtor_name_key ON amiable.debtor (tenant_id, name_key);
CREATE INDEX debtor_tags ON amiable.debtor USING gin (tags);

-- The debtor's customer account number in a creditor's books ("code client",
-- "compte auxiliaire"): imports match on it when the file has no SIREN.
CREATE TABLE amiable.debtor_account (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  creditor_id uuid NOT NULL,
  account_code text NOT NULL CHECK (length(account_code) BETWEEN 1 AND 50),
  debtor_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, creditor_id, account_code),
  FOREIGN KEY (tenant_id, creditor_id) REFERENCES amiable.creditor (tenant_id, id),
  FOREIGN KEY (tenant_id, debtor_id) REFERENCES amiable.debtor (tenant_id, id)
);
CREATE INDEX debtor_account_debtor ON amiable.debtor_account (tenant_id, debtor_id);

CREATE TABLE amiable.contact (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  debtor_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  job_title text CHECK (length(job_title) <= 100),
  email text CHECK (length(email) <= 254),
  phone text CHECK (length(phone) <= 40),
  address_line1 text CHECK (length(address_line1) <= 200),
  address_line2 text CHECK (length(address_line2) <= 200),
  postal_code text CHECK (length(postal_code) <= 20),
  city text CHECK (length(city) <= 100),
  country text CHECK (country ~ '^[A-Z]{2}$'),
  preferred_locale text NOT NULL DEFAULT 'fr' CHECK (preferred_locale IN ('fr', 'en')),
  is_primary boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, debtor_id) REFERENCES amiable.debtor (tenant_id, id)
);
CREATE INDEX contact_debtor ON amiable.contact (tenant_id, debtor_id);
CREATE UNIQUE INDEX contact_one_primary ON amiable.contact (tenant_id, debtor_id) WHERE is_primary;

CREATE TABLE amiable.debtor_note (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  debtor_id uuid NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  author_kind text NOT NULL CHECK (author_kind IN ('user', 'api-key')),
  author_id uuid,
  author_label text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, debtor_id) REFERENCES amiable.debtor (tenant_id, id)
);
CREATE INDEX debtor_note_debtor ON amiable.debtor_note (tenant_id, debtor_id, created_at DESC);
CREATE TRIGGER debtor_note_append_only BEFORE UPDATE OR DELETE ON amiable.debtor_note
  FOR EACH ROW EXECUTE FUNCTION amiable.refuse_change();

CREATE TABLE amiable.import_batch (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  creditor_id uuid,
  filename text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'facturx', 'cii', 'ubl')),
  file_id uuid,
  sha256 bytea NOT NULL CHECK (length(sha256) = 32),
  status text NOT NULL CHECK (status IN ('pending', 'queued', 'running', 'completed', 'rejected', 'failed')),
  mode text NOT NULL CHECK (mode IN ('all-or-nothing', 'valid-rows-only')),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_count integer NOT NULL DEFAULT 0,
  updated_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  rejected_count integer NOT NULL DEFAULT 0,
  rejected_rows jsonb NOT NULL DEFAULT '[]'::jsonb,
  totals jsonb NOT NULL DEFAULT '{}'::jsonb,
  error_code text,
  actor_kind text NOT NULL,
  actor_id uuid,
  actor_label text NOT NULL,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, creditor_id) REFERENCES amiable.creditor (tenant_id, id),
  FOREIGN KEY (tenant_id, file_id) REFERENCES amiable.stored_file (tenant_id, id)
);
CREATE INDEX import_batch_time ON amiable.import_batch (tenant_id, created_at DESC);

-- Column mappings the tenant confirmed, remembered by the set of headers they apply to.
CREATE TABLE amiable.import_mapping (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  header_signature text NOT NULL,
  mapping jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, header_signature)
);

CREATE TABLE amiable.invoice (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  creditor_id uuid NOT NULL,
  debtor_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('invoice', 'credit-note')),
  number text NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
  issue_date date NOT NULL,
  due_date date,
  currency text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
  amount_excl_tax_cents bigint CHECK (amount_excl_tax_cents >= 0),
  amount_incl_tax_cents bigint NOT NULL CHECK (amount_incl_tax_cents >= 0),
  -- What the document asks to be paid (total incl. tax minus prepaid amounts).
  amount_due_cents bigint NOT NULL CHECK (amount_due_cents >= 0),
  -- Settled outside Amiable's ledger according to the creditor's books (the
  -- difference between amount due and the "reste dû" of an accounting export).
  paid_outside_cents bigint NOT NULL DEFAULT 0 CHECK (paid_outside_cents >= 0),
  -- Sum of the active allocations to (invoice) or from (credit note) this document.
  -- Maintained only by the allocation triggers below; the application role cannot write it.
  settled_cents bigint NOT NULL DEFAULT 0 CHECK (settled_cents >= 0),
  outstanding_cents bigint GENERATED ALWAYS AS (amount_due_cents - paid_outside_cents - settled_cents) STORED,
  order_reference text CHECK (length(order_reference) <= 200),
  contract_reference text CHECK (length(contract_reference) <= 200),
  description text CHECK (length(description) <= 2000),
  payment_reference text CHECK (length(payment_reference) <= 200),
  payment_terms text CHECK (length(payment_terms) <= 1000),
  preceding_invoice_number text CHECK (length(preceding_invoice_number) <= 100),
  document_file_id uuid,
  source text NOT NULL CHECK (source IN ('manual', 'import', 'api', 'demo')),
  import_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, creditor_id, kind, number),
  FOREIGN KEY (tenant_id, creditor_id) REFERENCES amiable.creditor (tenant_id, id),
  FOREIGN KEY (tenant_id, debtor_id) REFERENCES amiable.debtor (tenant_id, id),
  FOREIGN KEY (tenant_id, document_file_id) REFERENCES amiable.stored_file (tenant_id, id),
  FOREIGN KEY (tenant_id, import_id) REFERENCES amiable.import_batch (tenant_id, id),
  CHECK (paid_outside_cents + settled_cents <= amount_due_cents),
  CHECK (amount_excl_tax_cents IS NULL OR amount_excl_tax_cents <= amount_incl_tax_cents),
  CHECK (due_date IS NULL OR due_date >= issue_date)
);
-- "Most overdue first" and aging filters scan only open invoices.
CREATE INDEX invoice_open_by_due ON amiable.invoice (tenant_id, due_date, id) WHERE outstanding_cents > 0 AND kind = 'invoice';
CREATE INDEX invoice_debtor ON amiable.invoice (tenant_id, debtor_id, due_date);
CREATE INDEX invoice_due ON amiable.invoice (tenant_id, due_date, id);

CREATE TABLE amiable.dispute (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  opened_at timestamptz NOT NULL,
  opened_by text NOT NULL,
  resolved_at timestamptz,
  resolved_by text,
  resolution text CHECK (length(resolution) <= 2000),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES amiable.invoice (tenant_id, id)
);
CREATE UNIQUE INDEX dispute_one_open ON amiable.dispute (tenant_id, invoice_id) WHERE resolved_at IS NULL;

CREATE TABLE amiable.payment (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  creditor_id uuid NOT NULL,
  debtor_id uuid NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  currency text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
  received_on date NOT NULL,
  method text NOT NULL CHECK (method IN ('transfer', 'direct-debit', 'card', 'cheque', 'cash', 'other')),
  reference text CHECK (length(reference) <= 200),
  note text CHECK (length(note) <= 2000),
  -- Sum of this payment's active allocations (trigger-maintained). The rest is the debtor's credit.
  allocated_cents bigint NOT NULL DEFAULT 0 CHECK (allocated_cents >= 0),
  reversed_at timestamptz,
  reversal_reason text CHECK (length(reversal_reason) <= 2000),
  source text NOT NULL CHECK (source IN ('manual', 'api', 'import', 'demo')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, creditor_id) REFERENCES amiable.creditor (tenant_id, id),
  FOREIGN KEY (tenant_id, debtor_id) REFERENCES amiable.debtor (tenant_id, id),
  CHECK (allocated_cents <= amount_cents)
);
CREATE INDEX payment_debtor ON amiable.payment (tenant_id, debtor_id, received_on DESC);
CREATE INDEX payment_received ON amiable.payment (tenant_id, received_on DESC, id DESC);

-- An amount of a payment or of a credit note applied to an invoice. Reversing
-- sets reversed_at; nothing else about an allocation ever changes.
CREATE TABLE amiable.allocation (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  payment_id uuid,
  credit_note_id uuid,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  reversed_at timestamptz,
  reversal_reason text CHECK (length(reversal_reason) <= 2000),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES amiable.invoice (tenant_id, id),
  FOREIGN KEY (tenant_id, payment_id) REFERENCES amiable.payment (tenant_id, id),
  FOREIGN KEY (tenant_id, credit_note_id) REFERENCES amiable.invoice (tenant_id, id),
  CHECK (num_nonnulls(payment_id, credit_note_id) = 1),
  CHECK (credit_note_id IS NULL OR credit_note_id <> invoice_id)
);
CREATE INDEX allocation_invoice ON amiable.allocation (tenant_id, invoice_id);
CREATE INDEX allocation_payment ON amiable.allocation (tenant_id, payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX allocation_credit_note ON amiable.allocation (tenant_id, credit_note_id) WHERE credit_note_id IS NOT NULL;

-- Ledger invariants kept by the database itself --------------------------------
-- These functions run as the table owner (SECURITY DEFINER) so that they may
-- write the settled/allocated sums the application role cannot. An owner that
-- is a superuser is not subject to row-level security, so every statement in
-- them names the row's own tenant_id explicitly.

CREATE FUNCTION amiable.allocation_apply() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  DECLARE
    delta bigint;
    target amiable.invoice%ROWTYPE;
    source_currency text;
    source_creditor uuid;
    source_debtor uuid;
  BEGIN
    IF TG_OP = 'INSERT' THEN
      delta := NEW.amount_cents;
      SELECT * INTO target FROM amiable.invoice WHERE tenant_id = NEW.tenant_id AND id = NEW.invoice_id;
      IF target.kind <> 'invoice' THEN
        RAISE EXCEPTION 'allocations settle invoices, not credit notes' USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.payment_id IS NOT NULL THEN
        SELECT currency, creditor_id, debtor_id INTO source_currency, source_creditor, source_debtor
        FROM amiable.payment WHERE tenant_id = NEW.tenant_id AND id = NEW.payment_id AND reversed_at IS NULL;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'payment % is reversed', NEW.payment_id USING ERRCODE = 'check_violation';
        END IF;
      ELSE
        SELECT currency, creditor_id, debtor_id INTO source_currency, source_creditor, source_debtor
        FROM amiable.invoice WHERE tenant_id = NEW.tenant_id AND id = NEW.credit_note_id AND kind = 'credit-note';
        IF NOT FOUND THEN
          RAISE EXCEPTION 'document % is not a credit note', NEW.credit_note_id USING ERRCODE = 'check_violation';
        END IF;
      END IF;
      IF source_currency <> target.currency OR source_creditor <> target.creditor_id OR source_debtor <> target.debtor_id THEN
        RAISE EXCEPTION 'allocation between different currencies or parties' USING ERRCODE = 'check_violation';
      END IF;
    ELSIF TG_OP = 'UPDATE' THEN
      IF NEW.amount_cents <> OLD.amount_cents OR NEW.invoice_id <> OLD.invoice_id
         OR NEW.payment_id IS DISTINCT FROM OLD.payment_id OR NEW.credit_note_id IS DISTINCT FROM OLD.credit_note_id
         OR (OLD.reversed_at IS NOT NULL AND NEW.reversed_at IS DISTINCT FROM OLD.reversed_at) THEN
        RAISE EXCEPTION 'an allocation can only be reversed, once' USING ERRCODE = 'check_violation';
      END IF;
      IF OLD.reversed_at IS NOT NULL OR NEW.reversed_at IS NULL THEN
        RETURN NEW;
      END IF;
      delta := -NEW.amount_cents;
    END IF;

    UPDATE amiable.invoice SET settled_cents = settled_cents + delta
    WHERE tenant_id = NEW.tenant_id AND id = NEW.invoice_id;
    IF NEW.payment_id IS NOT NULL THEN
      UPDATE amiable.payment SET allocated_cents = allocated_cents + delta
      WHERE tenant_id = NEW.tenant_id AND id = NEW.payment_id;
    ELSE
      UPDATE amiable.invoice SET settled_cents = settled_cents + delta
      WHERE tenant_id = NEW.tenant_id AND id = NEW.credit_note_id;
    END IF;
    RETURN NEW;
  END $$;

CREATE TRIGGER allocation_apply AFTER INSERT OR UPDATE ON amiable.allocation
  FOR EACH ROW EXECUTE FUNCTION amiable.allocation_apply();
CREATE TRIGGER allocation_no_delete BEFORE DELETE ON amiable.allocation
  FOR EACH ROW EXECUTE FUNCTION amiable.refuse_change();

-- A payment is reversed once (bounced transfer, rejected direct debit); its
-- allocations are then reversed with it, in the same transaction.
CREATE FUNCTION amiable.payment_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF OLD.reversed_at IS NOT NULL AND NEW.reversed_at IS DISTINCT FROM OLD.reversed_at THEN
      RAISE EXCEPTION 'payment % is already reversed', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END $$;

CREATE TRIGGER payment_guard BEFORE UPDATE ON amiable.payment
  FOR EACH ROW EXECUTE FUNCTION amiable.payment_guard();

CREATE FUNCTION amiable.payment_reverse() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  BEGIN
    UPDATE amiable.allocation SET reversed_at = NEW.reversed_at, reversal_reason = 'payment reversed'
    WHERE tenant_id = NEW.tenant_id AND payment_id = NEW.id AND reversed_at IS NULL;
    RETURN NULL;
  END $$;

CREATE TRIGGER payment_reverse AFTER UPDATE OF reversed_at ON amiable.payment
  FOR EACH ROW WHEN (OLD.reversed_at IS NULL AND NEW.reversed_at IS NOT NULL) EXECUTE FUNCTION amiable.payment_reverse();
CREATE TRIGGER payment_no_delete BEFORE DELETE ON amiable.payment
  FOR EACH ROW EXECUTE FUNCTION amiable.refuse_change();

-- Row-level security for every ledger table -----------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['creditor', 'debtor', 'debtor_account', 'contact', 'debtor_note', 'import_batch',
                           'import_mapping', 'invoice', 'dispute', 'payment', 'allocation'] LOOP
    EXECUTE format('ALTER TABLE amiable.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE amiable.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON amiable.%I USING (tenant_id = amiable.current_tenant_id()) '
                   'WITH CHECK (tenant_id = amiable.current_tenant_id())', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON amiable.creditor, amiable.debtor, amiable.debtor_account, amiable.contact,
  amiable.import_mapping TO amiable_app;
GRANT SELECT, INSERT ON amiable.debtor_note TO amiable_app;
GRANT SELECT, INSERT, UPDATE ON amiable.import_batch, amiable.dispute TO amiable_app;
GRANT SELECT, INSERT ON amiable.invoice TO amiable_app;
GRANT UPDATE (debtor_id, issue_date, due_date, currency, amount_excl_tax_cents, amount_incl_tax_cents, amount_due_cents,
  paid_outside_cents, order_reference, contract_reference, description, payment_reference, payment_terms,
  preceding_invoice_number, document_file_id, import_id, updated_at) ON amiable.invoice TO amiable_app;
GRANT SELECT, INSERT ON amiable.payment TO amiable_app;
GRANT UPDATE (reversed_at, reversal_reason, note, reference) ON amiable.payment TO amiable_app;
GRANT SELECT, INSERT ON amiable.allocation TO amiable_app;
GRANT UPDATE (reversed_at, reversal_reason) ON amiable.allocation TO amiable_app;
