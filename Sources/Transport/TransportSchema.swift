import Storage

/// The transport module's tables: optimisation runs with the problem as posted and, once
/// the job has run, the solution in VROOM's format and its summary.
enum TransportSchema {
  static let module = "transport"

  static let migrations: [Migration] = [
    Migration(
      module: module, number: 1, name: "optimizations",
      sql: """
        CREATE TABLE transport_optimizations (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          job_id BIGINT NOT NULL,
          time_limit_seconds BIGINT NOT NULL,
          stops BIGINT NOT NULL,
          vehicles BIGINT NOT NULL,
          problem TEXT NOT NULL,
          solution TEXT,
          cost BIGINT,
          routes BIGINT,
          unassigned BIGINT,
          created_by BIGINT NOT NULL,
          created_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        """)
  ]
}
