-- The member who follows a creditor's new cases (a team gives each client to one
-- person). A case opened for that creditor — by the planner or a campaign — is
-- born assigned to them, if they may still act on cases (enabled, not a viewer);
-- the cases already open keep whoever follows them. A member who leaves the
-- tenant leaves the creditor without a default agent rather than blocking the
-- departure; one made a viewer is taken off it by the role change (auth-store.ts).
ALTER TABLE amiable.creditor ADD COLUMN default_assignee_id uuid;
ALTER TABLE amiable.creditor ADD CONSTRAINT creditor_default_assignee_fkey
  FOREIGN KEY (tenant_id, default_assignee_id) REFERENCES amiable.tenant_member (tenant_id, user_id) ON DELETE SET NULL (default_assignee_id);
