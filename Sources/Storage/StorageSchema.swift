/// Storage's own platform tables, migrated like any module's (module `storage`): the outbox,
/// the job queue and the per-tenant document-number counters. Every table starts its key
/// with `tenant_id`, so the schema distributes by tenant.
public enum StorageSchema {
  /// The module name recorded in `schema_migrations`.
  public static let module = "storage"

  /// Storage's migrations; list them before every business module's.
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
  ]
}
