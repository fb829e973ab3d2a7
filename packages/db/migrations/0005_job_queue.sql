-- Durable jobs run on graphile-worker (schema graphile_worker, installed by
-- its own migrations just before ours). The application enqueues through this
-- function inside its own transaction, so a job exists if and only if the state
-- change that asked for it committed. The job carries the tenant of the
-- transaction (it cannot be forged from the payload) and its key is scoped to
-- that tenant, so one tenant's keys never deduplicate another's jobs.
CREATE FUNCTION amiable.enqueue_job(p_task text, p_payload jsonb, p_job_key text, p_run_at timestamptz, p_max_attempts integer)
  RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  DECLARE
    tenant uuid := amiable.current_tenant_id();
    job_id bigint;
  BEGIN
    IF tenant IS NULL THEN
      RAISE EXCEPTION 'jobs are enqueued inside a tenant transaction' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_task !~ '^[a-z][a-z0-9-]{1,60}$' THEN
      RAISE EXCEPTION 'invalid task name %', p_task USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT (graphile_worker.add_job(
      p_task,
      (coalesce(p_payload, '{}'::jsonb) || jsonb_build_object('tenantId', tenant))::json,
      run_at => p_run_at,
      max_attempts => coalesce(p_max_attempts, 10),
      job_key => CASE WHEN p_job_key IS NULL THEN NULL ELSE tenant::text || ':' || p_job_key END,
      job_key_mode => 'preserve_run_at')).id INTO job_id;
    RETURN job_id;
  END $$;

REVOKE ALL ON FUNCTION amiable.enqueue_job(text, jsonb, text, timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION amiable.enqueue_job(text, jsonb, text, timestamptz, integer) TO amiable_app;

-- Jobs that belong to no tenant (e-mails about accounts: reset links,
-- invitations). Only tasks named system-… can be enqueued this way.
CREATE FUNCTION amiable.enqueue_system_job(p_task text, p_payload jsonb, p_job_key text, p_max_attempts integer)
  RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  DECLARE job_id bigint;
  BEGIN
    IF p_task !~ '^system-[a-z0-9-]{1,60}$' THEN
      RAISE EXCEPTION 'invalid system task name %', p_task USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT (graphile_worker.add_job(p_task, coalesce(p_payload, '{}'::jsonb)::json,
      max_attempts => coalesce(p_max_attempts, 10), job_key => p_job_key, job_key_mode => 'preserve_run_at')).id INTO job_id;
    RETURN job_id;
  END $$;

REVOKE ALL ON FUNCTION amiable.enqueue_system_job(text, jsonb, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION amiable.enqueue_system_job(text, jsonb, text, integer) TO amiable_app;
