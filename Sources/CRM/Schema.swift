import Storage

/// The CRM module's customer tables: customers with their contacts, addresses, transport
/// preferences and commercial terms; the company's list of e-commerce platform segments;
/// interactions, follow-up tasks, the timeline events other modules announce, tags with
/// the reason each was given, the automatic tags rules give from order history, and saved
/// customer segments and the campaigns aimed at them; big import files wait for their job in
/// `customer_import_files`. Numbers 1...9 belong to the customer core; 20 and up to the
/// commercial part (prices, quotes, contracts).
enum CRMSchema {
  static let module = "crm"

  static let migrations: [Migration] = [
    Migration(
      module: module, number: 1, name: "customers_contacts_addresses",
      sql: """
        CREATE TABLE customers (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          name TEXT NOT NULL,
          short_name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          credit_code TEXT,
          industry TEXT NOT NULL,
          segment_code TEXT,
          source TEXT NOT NULL,
          owner_id BIGINT,
          status TEXT NOT NULL,
          merged_into_id BIGINT,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          version BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX customers_status ON customers (tenant_id, status, id);
        CREATE INDEX customers_owner ON customers (tenant_id, owner_id, id);
        CREATE INDEX customers_segment ON customers (tenant_id, segment_code, id);
        CREATE INDEX customers_credit_code ON customers (tenant_id, credit_code);
        CREATE INDEX customers_name_key ON customers (tenant_id, name_key);
        CREATE TABLE customer_contacts (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          customer_id BIGINT NOT NULL,
          name TEXT NOT NULL,
          title TEXT NOT NULL,
          mobile TEXT,
          email TEXT,
          wechat TEXT,
          created_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX customer_contacts_customer ON customer_contacts (tenant_id, customer_id);
        CREATE INDEX customer_contacts_mobile ON customer_contacts (tenant_id, mobile);
        CREATE TABLE customer_addresses (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          customer_id BIGINT NOT NULL,
          label TEXT NOT NULL,
          province TEXT NOT NULL,
          city TEXT NOT NULL,
          district TEXT NOT NULL,
          detail TEXT NOT NULL,
          latitude_microdegrees BIGINT,
          longitude_microdegrees BIGINT,
          created_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX customer_addresses_customer ON customer_addresses (tenant_id, customer_id);
        """),
    Migration(
      module: module, number: 2, name: "preferences_terms_segments",
      sql: """
        CREATE TABLE customer_preferences (
          tenant_id BIGINT NOT NULL,
          customer_id BIGINT NOT NULL,
          time_windows TEXT NOT NULL,
          night_delivery INTEGER NOT NULL,
          cold_chain INTEGER NOT NULL,
          receipt_return INTEGER NOT NULL,
          packaging TEXT NOT NULL,
          driver_notes TEXT NOT NULL,
          PRIMARY KEY (tenant_id, customer_id)
        );
        CREATE TABLE customer_terms (
          tenant_id BIGINT NOT NULL,
          customer_id BIGINT NOT NULL,
          settlement TEXT NOT NULL,
          billing_day INTEGER,
          payment_days INTEGER,
          credit_rating TEXT NOT NULL,
          credit_limit_fen BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, customer_id)
        );
        CREATE TABLE platform_segments (
          tenant_id BIGINT NOT NULL,
          code TEXT NOT NULL,
          name TEXT NOT NULL,
          position INTEGER NOT NULL,
          PRIMARY KEY (tenant_id, code)
        );
        """),
    Migration(
      module: module, number: 3, name: "interactions_follow_ups_timeline",
      sql: """
        CREATE TABLE interactions (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          customer_id BIGINT NOT NULL,
          contact_id BIGINT,
          kind TEXT NOT NULL,
          reference TEXT NOT NULL,
          summary TEXT NOT NULL,
          author_id BIGINT NOT NULL,
          author_name TEXT NOT NULL,
          occurred_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX interactions_customer ON interactions (tenant_id, customer_id, occurred_at);
        CREATE TABLE follow_ups (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          customer_id BIGINT NOT NULL,
          assignee_id BIGINT NOT NULL,
          title TEXT NOT NULL,
          due_on TEXT NOT NULL,
          done_at BIGINT,
          created_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX follow_ups_assignee ON follow_ups (tenant_id, assignee_id, done_at, due_on);
        CREATE INDEX follow_ups_customer ON follow_ups (tenant_id, customer_id);
        CREATE TABLE crm_timeline_events (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          customer_id BIGINT NOT NULL,
          topic TEXT NOT NULL,
          reference TEXT NOT NULL,
          occurred_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX crm_timeline_events_customer
          ON crm_timeline_events (tenant_id, customer_id, occurred_at);
        """),
    Migration(
      module: module, number: 4, name: "customer_tags",
      sql: """
        CREATE TABLE customer_tags (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          customer_id BIGINT NOT NULL,
          tag TEXT NOT NULL,
          reason TEXT NOT NULL,
          added_by_name TEXT NOT NULL,
          added_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE UNIQUE INDEX customer_tags_customer_tag ON customer_tags (tenant_id, customer_id, tag);
        CREATE INDEX customer_tags_tag ON customer_tags (tenant_id, tag);
        """),
    Migration(
      module: module, number: 5, name: "automatic_tags",
      sql: """
        CREATE TABLE customer_automatic_tags (
          tenant_id BIGINT NOT NULL,
          customer_id BIGINT NOT NULL,
          rule TEXT NOT NULL,
          tag TEXT NOT NULL,
          basis TEXT NOT NULL,
          evidence TEXT NOT NULL,
          computed_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, customer_id, rule)
        );
        CREATE INDEX customer_automatic_tags_tag ON customer_automatic_tags (tenant_id, tag);
        CREATE TABLE automatic_tag_settings (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          document TEXT NOT NULL,
          updated_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        """),
    Migration(
      module: module, number: 6, name: "customer_segments",
      sql: """
        CREATE TABLE customer_segments (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          name TEXT NOT NULL,
          filter TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE UNIQUE INDEX customer_segments_name ON customer_segments (tenant_id, name);
        """),
    Migration(
      module: module, number: 7, name: "campaigns",
      sql: """
        CREATE TABLE campaigns (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          name TEXT NOT NULL,
          segment_id BIGINT NOT NULL,
          promotion_id BIGINT NOT NULL,
          message TEXT NOT NULL,
          starts_on TEXT NOT NULL,
          ends_on TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        """),
    Migration(
      module: module, number: 8, name: "customer_import_files",
      sqlite: importFilesSQL(content: "BLOB"),
      postgres: importFilesSQL(content: "BYTEA")),
    Migration(
      module: module, number: 9, name: "campaign_recipients",
      sql: """
        ALTER TABLE campaigns ADD COLUMN started_at BIGINT;
        CREATE TABLE campaign_recipients (
          tenant_id BIGINT NOT NULL,
          campaign_id BIGINT NOT NULL,
          customer_id BIGINT NOT NULL,
          position BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, campaign_id, customer_id)
        );
        """),
  ]

  /// The import files table, with the engine's byte-string type for the content.
  static func importFilesSQL(content: String) -> String {
    """
    CREATE TABLE customer_import_files (
      tenant_id BIGINT NOT NULL,
      id BIGINT NOT NULL,
      choice TEXT NOT NULL,
      content \(content) NOT NULL,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    """
  }
}
