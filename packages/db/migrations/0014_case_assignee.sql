-- The agent in charge of a case (issue 5: e-mails answer "to the assigned agent").
-- A case may be given to a member of its tenant; its e-mails then carry that
-- member's address as Reply-To, and its letters name them as the person to contact
-- (with the creditor's recovery line as telephone). Unassigned, both fall back to
-- the creditor's recovery contact, as before. A member who leaves the tenant leaves
-- their cases unassigned rather than blocking the departure.
ALTER TABLE amiable.recovery_case ADD COLUMN assignee_id uuid;
ALTER TABLE amiable.recovery_case ADD CONSTRAINT recovery_case_assignee_fkey
  FOREIGN KEY (tenant_id, assignee_id) REFERENCES amiable.tenant_member (tenant_id, user_id) ON DELETE SET NULL (assignee_id);
CREATE INDEX recovery_case_assignee ON amiable.recovery_case (tenant_id, assignee_id) WHERE assignee_id IS NOT NULL;
