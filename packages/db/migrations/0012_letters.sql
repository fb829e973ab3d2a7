-- Letters and e-mails (issue 5): the tenant's letter texts with their history, the
-- archive of every document produced, the person debtors deal with, and the
-- payment reference that brings a transfer back to its case.

-- The structured payment reference of a case (ISO 11649 body, printed as RF + check
-- digits + these 20 characters): the random end of the case id, so it is known
-- without a lookup and unique per tenant (80 random bits).
ALTER TABLE amiable.recovery_case
  ADD COLUMN payment_reference text GENERATED ALWAYS AS (upper(right(replace(id::text, '-', ''), 20))) STORED;
CREATE UNIQUE INDEX recovery_case_payment_reference ON amiable.recovery_case (tenant_id, payment_reference);

-- The secret part of the debtor's payment page (/pay/<tenant>/<token>): 244 random
-- bits, so the page needs no login and cannot be guessed; the tenant in the path
-- lets the lookup run under that tenant's row-level security like any other read.
ALTER TABLE amiable.recovery_case
  ADD COLUMN payment_token text NOT NULL DEFAULT (replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''));
CREATE UNIQUE INDEX recovery_case_payment_token ON amiable.recovery_case (tenant_id, payment_token);

-- Who debtors deal with for this creditor: named in every letter (contact person)
-- and the Reply-To of every e-mail.
ALTER TABLE amiable.creditor
  ADD COLUMN recovery_contact_name text CHECK (length(recovery_contact_name) BETWEEN 1 AND 200),
  ADD COLUMN recovery_contact_email text CHECK (length(recovery_contact_email) <= 254),
  ADD COLUMN recovery_contact_phone text CHECK (length(recovery_contact_phone) <= 40);

-- A letter text, versioned: each save adds a version, none is changed or deleted,
-- so an archived document names the exact text it was made from. creditor_id null:
-- the tenant's text for every creditor that has none of its own.
CREATE TABLE amiable.letter_template (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  creditor_id uuid,
  letter_type text NOT NULL CHECK (letter_type IN ('courtesy-reminder', 'reminder', 'second-reminder', 'call-script', 'formal-notice',
                                                    'payment-plan', 'payment-receipt', 'agency-letter')),
  lang text NOT NULL CHECK (lang IN ('fr', 'en')),
  version integer NOT NULL CHECK (version > 0),
  fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'object'),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, creditor_id) REFERENCES amiable.creditor (tenant_id, id)
);
CREATE UNIQUE INDEX letter_template_version
  ON amiable.letter_template (tenant_id, coalesce(creditor_id, '00000000-0000-0000-0000-000000000000'::uuid), letter_type, lang, version);

-- Every document produced for a debtor: the bytes (in stored_file), their SHA-256,
-- the text version and the facts it was rendered from — rendering them again gives
-- the same bytes. One document per dispatch and kind: a retried job finds it.
CREATE TABLE amiable.document (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  dispatch_id uuid,
  kind text NOT NULL CHECK (kind IN ('letter', 'email')),
  letter_type text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('fr', 'en')),
  file_id uuid NOT NULL,
  sha256 bytea NOT NULL CHECK (length(sha256) = 32),
  -- The letter_template row used, or null for the shipped default text (then template_version names it).
  template_id uuid,
  template_version text NOT NULL,
  facts jsonb NOT NULL,
  -- What happens to it next: printed and posted by the creditor, waiting for the
  -- electronic registered letter service, attached to an e-mail, sent.
  delivery text NOT NULL CHECK (delivery IN ('to-print', 'awaiting-registered-sending', 'attached', 'sent')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES amiable.recovery_case (tenant_id, id),
  FOREIGN KEY (tenant_id, dispatch_id) REFERENCES amiable.dispatch (tenant_id, id),
  FOREIGN KEY (tenant_id, file_id) REFERENCES amiable.stored_file (tenant_id, id),
  FOREIGN KEY (tenant_id, template_id) REFERENCES amiable.letter_template (tenant_id, id)
);
CREATE UNIQUE INDEX document_dispatch ON amiable.document (tenant_id, dispatch_id, kind) WHERE dispatch_id IS NOT NULL;
CREATE INDEX document_case ON amiable.document (tenant_id, case_id, created_at);

-- What the mail server said after accepting a message (a bounce, a refusal for one
-- recipient), recorded on the dispatch and shown on the case.
ALTER TABLE amiable.dispatch ADD COLUMN delivery_report jsonb;
-- A bounce names the message by its Message-ID, whose local part is the dispatch's
-- idempotency key with every character but letters, digits, '.' and '-' made '.'.
CREATE INDEX dispatch_message_id ON amiable.dispatch (regexp_replace(idempotency_key, '[^A-Za-z0-9.-]', '.', 'g'));

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['letter_template', 'document'] LOOP
    EXECUTE format('ALTER TABLE amiable.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE amiable.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON amiable.%I USING (tenant_id = amiable.current_tenant_id()) '
                   'WITH CHECK (tenant_id = amiable.current_tenant_id())', t);
  END LOOP;
END $$;

-- Versions and documents are append-only for the application: no UPDATE of a text,
-- no DELETE of either; only a document's delivery moves on.
GRANT SELECT, INSERT ON amiable.letter_template, amiable.document TO amiable_app;
GRANT UPDATE (delivery) ON amiable.document TO amiable_app;
