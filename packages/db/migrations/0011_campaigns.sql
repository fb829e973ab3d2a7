-- Bulk campaigns (issue 4, point 8): one template sent to the debtors a filter selects,
-- under the same rules of contact. A campaign's messages are dispatch rows like the
-- scenarios' — the same effectively-once execution, the same review queue — so they
-- count as contacts for the planner (it reads every dispatch row of a debtor).

CREATE TABLE amiable.campaign (
  tenant_id uuid NOT NULL REFERENCES amiable.tenant (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  -- The shape of a scenario step's templates: { fr: { subject, body }, en: … }, validated by the application.
  templates jsonb NOT NULL CHECK (jsonb_typeof(templates) = 'object'),
  -- The selection, as saved by the application (amounts in cents): see packages/db/src/recovery/campaigns.
  filter jsonb NOT NULL CHECK (jsonb_typeof(filter) = 'object'),
  status text NOT NULL CHECK (status IN ('draft', 'sending', 'done', 'cancelled')),
  created_by text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
  launched_by text CHECK (length(launched_by) <= 200),
  launched_at timestamptz,
  -- What the launch left out and why (no address, no allowed day), for the progress view.
  launch_report jsonb,
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK ((launched_at IS NULL) = (launched_by IS NULL)),
  CHECK (status IN ('draft', 'cancelled') OR launched_at IS NOT NULL)
);
CREATE INDEX campaign_recent ON amiable.campaign (tenant_id, created_at DESC);

ALTER TABLE amiable.campaign ENABLE ROW LEVEL SECURITY;
ALTER TABLE amiable.campaign FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON amiable.campaign USING (tenant_id = amiable.current_tenant_id())
  WITH CHECK (tenant_id = amiable.current_tenant_id());
GRANT SELECT, INSERT, UPDATE ON amiable.campaign TO amiable_app;

-- A dispatch belongs to a scenario step or to a campaign, never both.
ALTER TABLE amiable.dispatch ADD COLUMN campaign_id uuid;
ALTER TABLE amiable.dispatch ALTER COLUMN scenario_id DROP NOT NULL;
ALTER TABLE amiable.dispatch ADD CONSTRAINT dispatch_campaign_fk FOREIGN KEY (tenant_id, campaign_id)
  REFERENCES amiable.campaign (tenant_id, id);
ALTER TABLE amiable.dispatch ADD CONSTRAINT dispatch_scenario_or_campaign CHECK ((scenario_id IS NULL) <> (campaign_id IS NULL));
ALTER TABLE amiable.dispatch ADD CONSTRAINT dispatch_campaign_step
  CHECK (campaign_id IS NULL OR (step_id = 'campaign' AND step_index = 0 AND channel IN ('email', 'sms')));

-- Scenario actions stay unique per (case, step, day). A campaign sends at most one
-- message per case, whatever day the rules of contact give it (and two campaigns may
-- reach one case on the same day when the rules allow it).
ALTER TABLE amiable.dispatch DROP CONSTRAINT dispatch_tenant_id_case_id_step_id_occurrence_key;
CREATE UNIQUE INDEX dispatch_step_once ON amiable.dispatch (tenant_id, case_id, step_id, occurrence) WHERE campaign_id IS NULL;
CREATE UNIQUE INDEX dispatch_campaign_once ON amiable.dispatch (tenant_id, campaign_id, case_id) WHERE campaign_id IS NOT NULL;
