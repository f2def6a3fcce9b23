/// Storage's own platform tables, migrated like any module's (module `storage`): the outbox,
/// the job queue, the per-tenant document-number counters and the audit log. Every table
/// starts its key with `tenant_id`, so the schema distributes by tenant.
public enum StorageSchema {
  /// The module name recorded in `schema_migrations`.
  public static let module = "storage"

  /// Storage's migrations; list them before every business module's.
  ///
  /// The audit log's triggers (migration 5) refuse `UPDATE` and `DELETE` of its entries; the
  /// refusal reaches callers as ``DatabaseError/appendOnly(table:)``: SQLite raises the
  /// message `<table> is append-only`, PostgreSQL raises SQLSTATE 23001
  /// (`restrict_violation`) naming the table from `refuse_append_only_change()`, which other
  /// modules may attach to their own posted-facts tables.
  public static let migrations: [Migration] = [
    Migration(
      module: module, number: 1, name: "create_outbox",
      sql: """
        CREATE TABLE outbox_events (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          topic TEXT NOT NULL,
          payload TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX outbox_events_by_topic ON outbox_events (topic, id);
        CREATE TABLE outbox_deliveries (
          tenant_id BIGINT NOT NULL,
          event_id BIGINT NOT NULL,
          handler TEXT NOT NULL,
          attempts BIGINT NOT NULL,
          next_attempt_at BIGINT NOT NULL,
          delivered_at BIGINT,
          last_error TEXT,
          PRIMARY KEY (tenant_id, event_id, handler),
          FOREIGN KEY (tenant_id, event_id) REFERENCES outbox_events (tenant_id, id)
        )
        """),
    Migration(
      module: module, number: 2, name: "create_jobs",
      sql: """
        CREATE TABLE jobs (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          kind TEXT NOT NULL,
          payload TEXT NOT NULL,
          status TEXT NOT NULL
            CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
          progress_done BIGINT NOT NULL DEFAULT 0,
          progress_total BIGINT NOT NULL DEFAULT 0,
          progress_message TEXT NOT NULL DEFAULT '',
          attempts BIGINT NOT NULL DEFAULT 0,
          run_after BIGINT NOT NULL,
          lease_owner TEXT,
          lease_expires_at BIGINT,
          last_error TEXT,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX jobs_by_status ON jobs (status, run_after, id)
        """),
    Migration(
      module: module, number: 3, name: "create_document_sequences",
      sql: """
        CREATE TABLE document_sequences (
          tenant_id BIGINT NOT NULL,
          prefix TEXT NOT NULL,
          day BIGINT NOT NULL,
          last_number BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, prefix, day)
        )
        """),
    Migration(
      module: module, number: 4, name: "create_audit_log",
      sql: """
        CREATE TABLE audit_log (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          sequence BIGINT NOT NULL,
          occurred_at BIGINT NOT NULL,
          actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'token', 'system', 'customer')),
          actor_id BIGINT,
          actor_name TEXT NOT NULL,
          entity TEXT NOT NULL,
          entity_id BIGINT,
          action TEXT NOT NULL,
          before TEXT,
          after TEXT,
          request_id TEXT,
          client_address TEXT,
          previous_hash TEXT NOT NULL,
          hash TEXT NOT NULL,
          PRIMARY KEY (tenant_id, id),
          UNIQUE (tenant_id, sequence)
        );
        CREATE INDEX audit_log_by_entity ON audit_log (tenant_id, entity, entity_id, sequence);
        CREATE INDEX audit_log_by_actor ON audit_log (tenant_id, actor_id, sequence);
        CREATE TABLE audit_chain_heads (
          tenant_id BIGINT NOT NULL PRIMARY KEY,
          last_sequence BIGINT NOT NULL,
          last_hash TEXT NOT NULL
        )
        """),
    Migration(
      module: module, number: 5, name: "make_audit_log_append_only",
      sqlite: """
        CREATE TRIGGER audit_log_refuse_update BEFORE UPDATE ON audit_log
        BEGIN
          SELECT RAISE(ABORT, 'audit_log is append-only');
        END;
        CREATE TRIGGER audit_log_refuse_delete BEFORE DELETE ON audit_log
        BEGIN
          SELECT RAISE(ABORT, 'audit_log is append-only');
        END
        """,
      postgres: """
        CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '% is append-only', TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME;
        END
        $$;
        CREATE TRIGGER audit_log_refuse_change BEFORE UPDATE OR DELETE ON audit_log
          FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
        CREATE TRIGGER audit_log_refuse_truncate BEFORE TRUNCATE ON audit_log
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()
        """),
    Migration(
      module: module, number: 6, name: "index_unsettled_outbox_events",
      sql: """
        ALTER TABLE outbox_events ADD COLUMN settled_at BIGINT;
        CREATE INDEX outbox_events_unsettled ON outbox_events (topic, id)
          WHERE settled_at IS NULL
        """),
    // `enqueueUnlessWaiting` looks for a queued job of a kind and payload on every order (the
    // automatic-tag recomputation); without this it read every job the company ever had.
    Migration(
      module: module, number: 7, name: "index_queued_jobs_by_kind",
      sql: """
        CREATE INDEX jobs_queued_by_kind ON jobs (tenant_id, kind, payload)
          WHERE status = 'queued'
        """),
    // SQLite tests `x IN (a, b, c, …)` of three or more values by building a temporary table of
    // them each time it runs: for the audit log's actor check that was a table created, filled
    // and dropped for every audited write (about 30,000 instructions, 5 % of the writer's work
    // per order). Spelled as comparisons the check costs almost nothing. SQLite cannot change
    // a constraint in place, so the two tables are rebuilt with their rows, indexes and
    // triggers; PostgreSQL tests such lists without a table and keeps its constraints.
    Migration(
      module: module, number: 8, name: "check_constraints_as_comparisons",
      sqlite: """
        CREATE TABLE audit_log_rebuilt (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          sequence BIGINT NOT NULL,
          occurred_at BIGINT NOT NULL,
          actor_kind TEXT NOT NULL CHECK (
            actor_kind = 'user' OR actor_kind = 'token' OR actor_kind = 'system'
            OR actor_kind = 'customer'),
          actor_id BIGINT,
          actor_name TEXT NOT NULL,
          entity TEXT NOT NULL,
          entity_id BIGINT,
          action TEXT NOT NULL,
          before TEXT,
          after TEXT,
          request_id TEXT,
          client_address TEXT,
          previous_hash TEXT NOT NULL,
          hash TEXT NOT NULL,
          PRIMARY KEY (tenant_id, id),
          UNIQUE (tenant_id, sequence)
        );
        INSERT INTO audit_log_rebuilt SELECT * FROM audit_log ORDER BY tenant_id, sequence;
        DROP TABLE audit_log;
        ALTER TABLE audit_log_rebuilt RENAME TO audit_log;
        CREATE INDEX audit_log_by_entity ON audit_log (tenant_id, entity, entity_id, sequence);
        CREATE INDEX audit_log_by_actor ON audit_log (tenant_id, actor_id, sequence);
        CREATE TRIGGER audit_log_refuse_update BEFORE UPDATE ON audit_log
        BEGIN
          SELECT RAISE(ABORT, 'audit_log is append-only');
        END;
        CREATE TRIGGER audit_log_refuse_delete BEFORE DELETE ON audit_log
        BEGIN
          SELECT RAISE(ABORT, 'audit_log is append-only');
        END;
        CREATE TABLE jobs_rebuilt (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          kind TEXT NOT NULL,
          payload TEXT NOT NULL,
          status TEXT NOT NULL CHECK (
            status = 'queued' OR status = 'running' OR status = 'succeeded'
            OR status = 'failed'),
          progress_done BIGINT NOT NULL DEFAULT 0,
          progress_total BIGINT NOT NULL DEFAULT 0,
          progress_message TEXT NOT NULL DEFAULT '',
          attempts BIGINT NOT NULL DEFAULT 0,
          run_after BIGINT NOT NULL,
          lease_owner TEXT,
          lease_expires_at BIGINT,
          last_error TEXT,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        INSERT INTO jobs_rebuilt SELECT * FROM jobs;
        DROP TABLE jobs;
        ALTER TABLE jobs_rebuilt RENAME TO jobs;
        CREATE INDEX jobs_by_status ON jobs (status, run_after, id);
        CREATE INDEX jobs_queued_by_kind ON jobs (tenant_id, kind, payload)
          WHERE status = 'queued'
        """,
      postgres: "SELECT 1"),
  ]
}
