-- Many jobs of one task in one call (the planner writes tens of thousands of
-- actions in a morning): graphile_worker.add_jobs with the same guarantees as
-- amiable.enqueue_job — inside the caller's tenant transaction, the tenant added
-- to every payload and to every job key.
CREATE FUNCTION amiable.enqueue_jobs(p_task text, p_payloads jsonb[], p_job_keys text[], p_run_at timestamptz, p_max_attempts integer)
  RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  DECLARE
    tenant uuid := amiable.current_tenant_id();
    added integer;
  BEGIN
    IF tenant IS NULL THEN
      RAISE EXCEPTION 'jobs are enqueued inside a tenant transaction' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_task !~ '^[a-z][a-z0-9-]{1,60}$' THEN
      RAISE EXCEPTION 'invalid task name %', p_task USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF cardinality(p_payloads) IS DISTINCT FROM cardinality(p_job_keys) THEN
      RAISE EXCEPTION 'one job key per payload' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT count(*)::integer INTO added FROM graphile_worker.add_jobs(
      ARRAY(
        SELECT ROW(p_task, (coalesce(p.payload, '{}'::jsonb) || jsonb_build_object('tenantId', tenant))::json, NULL, p_run_at,
                   coalesce(p_max_attempts, 10), CASE WHEN p.job_key IS NULL THEN NULL ELSE tenant::text || ':' || p.job_key END, NULL, NULL
                  )::graphile_worker.job_spec
        FROM unnest(p_payloads, p_job_keys) AS p(payload, job_key)),
      true);
    RETURN added;
  END $$;

REVOKE ALL ON FUNCTION amiable.enqueue_jobs(text, jsonb[], text[], timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION amiable.enqueue_jobs(text, jsonb[], text[], timestamptz, integer) TO amiable_app;
