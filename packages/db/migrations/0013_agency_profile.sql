-- A collection agency's identity (issue 5): an agency-kind tenant writes to its
-- clients' debtors in its own name, and the law wants that name, its SIREN and its
-- address in every letter (CPCE R124-4), with where to pay. One row per tenant,
-- changed in place by its owner; the letters archive what they printed.
CREATE TABLE amiable.agency_profile (
  tenant_id uuid PRIMARY KEY REFERENCES amiable.tenant (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 140),
  siren text NOT NULL CHECK (siren ~ '^[0-9]{9}$'),
  address_line1 text NOT NULL CHECK (length(address_line1) BETWEEN 1 AND 200),
  address_line2 text CHECK (length(address_line2) <= 200),
  postal_code text NOT NULL CHECK (length(postal_code) BETWEEN 1 AND 20),
  city text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  email text CHECK (length(email) <= 254),
  phone text CHECK (length(phone) <= 40),
  iban text CHECK (length(iban) <= 34),
  bic text CHECK (length(bic) IN (8, 11)),
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);

ALTER TABLE amiable.agency_profile ENABLE ROW LEVEL SECURITY;
ALTER TABLE amiable.agency_profile FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON amiable.agency_profile USING (tenant_id = amiable.current_tenant_id())
  WITH CHECK (tenant_id = amiable.current_tenant_id());

-- Saved and corrected by the owner; never deleted (letters name the agency they were sent by).
GRANT SELECT, INSERT, UPDATE ON amiable.agency_profile TO amiable_app;
