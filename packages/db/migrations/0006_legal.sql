-- The legal engine's data: the tenant's own rows of the rates table (added or
-- corrected half-years, over the table shipped in packages/legal), a debtor's
-- collective proceedings (which suspend the 40 € indemnity, C. com. L441-10 II),
-- acknowledgments of debt (which interrupt prescription, C. civ. 2240), and the
-- prescription rule in SQL for the "near prescription" filter.

CREATE TABLE amiable.rate_override (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  half_year text NOT NULL CHECK (half_year ~ '^[0-9]{4}-H[12]$'),
  ecb_mro_bp integer NOT NULL CHECK (ecb_mro_bp BETWEEN 0 AND 10000),
  legal_individual_bp integer NOT NULL CHECK (legal_individual_bp BETWEEN 0 AND 10000),
  legal_other_bp integer NOT NULL CHECK (legal_other_bp BETWEEN 0 AND 10000),
  source text NOT NULL CHECK (length(source) BETWEEN 3 AND 500),
  updated_by_label text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, half_year)
);

ALTER TABLE amiable.debtor ADD COLUMN collective_proceedings_since date;

-- The debtor's acknowledgment of the debt (C. civ. 2240): a signed letter, a request
-- for a payment plan. Partial payments are acknowledgments too, read from the ledger.
CREATE TABLE amiable.acknowledgment (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  acknowledged_on date NOT NULL,
  note text CHECK (length(note) <= 2000),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES amiable.invoice (tenant_id, id)
);
CREATE INDEX acknowledgment_invoice ON amiable.acknowledgment (tenant_id, invoice_id);
CREATE TRIGGER acknowledgment_append_only BEFORE UPDATE OR DELETE ON amiable.acknowledgment
  FOR EACH ROW EXECUTE FUNCTION amiable.refuse_change();

-- Last day to act: start + N years (the same day, or the month's last day: PostgreSQL's
-- date + interval does exactly that); each interruption within the running period
-- restarts a full period from its date (C. civ. 2231); one after it changes nothing.
-- The same rule as prescriptionOf in packages/legal (a test checks they agree).
CREATE FUNCTION amiable.prescription_last_day(start date, years integer, interruptions date[])
RETURNS date LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  last_day date := (start + make_interval(years => years))::date;
  d date;
BEGIN
  FOR d IN SELECT x FROM unnest(interruptions) AS x WHERE x IS NOT NULL AND x >= start ORDER BY x LOOP
    EXIT WHEN d > last_day;
    last_day := greatest(last_day, (d + make_interval(years => years))::date);
  END LOOP;
  RETURN last_day;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['rate_override', 'acknowledgment'] LOOP
    EXECUTE format('ALTER TABLE amiable.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE amiable.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON amiable.%I USING (tenant_id = amiable.current_tenant_id()) '
                   'WITH CHECK (tenant_id = amiable.current_tenant_id())', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON amiable.rate_override TO amiable_app;
GRANT SELECT, INSERT ON amiable.acknowledgment TO amiable_app;
GRANT EXECUTE ON FUNCTION amiable.prescription_last_day(date, integer, date[]) TO amiable_app;
