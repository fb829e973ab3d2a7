-- Automatic recovery is switched on by a manager, per tenant: after an import nothing
-- leaves until someone has looked at the scenarios and the preview. The morning
-- planner skips tenants where it is off; "plan now" stays available to managers.
ALTER TABLE amiable.contact_policy ADD COLUMN automatic boolean NOT NULL DEFAULT false;
