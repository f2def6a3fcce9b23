import Storage

/// The commercial part's tables in module `crm`, numbers 20...29 (1...9 belong to the customer
/// core). Customers are referenced by `customer_id` without a foreign key until the customer
/// core's tables land in the same module.
///
/// Rate cards are edited whole: each save appends a row to `rate_card_versions` holding the
/// card's definition as JSON, and `rate_cards` points at the current version, so a quote can
/// always name the exact card that priced it.
enum CommercialSchema {
  static let module = "crm"

  static let migrations: [Migration] = [
    Migration(
      module: module, number: 20, name: "pricing",
      sql: """
        CREATE TABLE pricing_settings (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          kilograms_per_cubic_metre BIGINT NOT NULL,
          weight_rounding TEXT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE TABLE rate_cards (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          name TEXT NOT NULL,
          is_list INTEGER NOT NULL,
          version BIGINT NOT NULL,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE TABLE rate_card_versions (
          tenant_id BIGINT NOT NULL,
          rate_card_id BIGINT NOT NULL,
          version BIGINT NOT NULL,
          definition TEXT NOT NULL,
          saved_at BIGINT NOT NULL,
          saved_by BIGINT,
          PRIMARY KEY (tenant_id, rate_card_id, version)
        );
        CREATE TABLE promotions (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          code TEXT NOT NULL,
          name TEXT NOT NULL,
          percent_basis_points BIGINT,
          fixed_fen BIGINT,
          segment TEXT,
          valid_from TEXT NOT NULL,
          valid_through TEXT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE UNIQUE INDEX promotions_code ON promotions (tenant_id, code);
        """),
    Migration(
      module: module, number: 21, name: "inquiries",
      sql: """
        CREATE TABLE inquiries (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          number TEXT NOT NULL,
          customer_id BIGINT,
          contact_name TEXT NOT NULL,
          contact_phone TEXT NOT NULL,
          origin TEXT NOT NULL,
          destination TEXT NOT NULL,
          cargo TEXT NOT NULL,
          weight_grams BIGINT NOT NULL,
          volume_cubic_centimetres BIGINT NOT NULL,
          ready_on TEXT,
          services TEXT NOT NULL,
          source TEXT NOT NULL,
          stage TEXT NOT NULL,
          lost_reason TEXT,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX inquiries_stage ON inquiries (tenant_id, stage, id);
        """),
    Migration(
      module: module, number: 22, name: "quotes",
      sql: """
        CREATE TABLE quotes (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          number TEXT NOT NULL,
          inquiry_id BIGINT,
          customer_id BIGINT,
          request TEXT NOT NULL,
          breakdown TEXT NOT NULL,
          total_fen BIGINT NOT NULL,
          currency TEXT NOT NULL,
          valid_through TEXT NOT NULL,
          status TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          created_by BIGINT NOT NULL,
          decided_at BIGINT,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX quotes_inquiry ON quotes (tenant_id, inquiry_id);
        """),
    Migration(
      module: module, number: 23, name: "contracts",
      sql: """
        CREATE TABLE contracts (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          number TEXT NOT NULL,
          customer_id BIGINT NOT NULL,
          title TEXT NOT NULL,
          rate_card_id BIGINT NOT NULL,
          valid_from TEXT NOT NULL,
          valid_through TEXT NOT NULL,
          settlement TEXT NOT NULL,
          on_time_target_basis_points BIGINT NOT NULL,
          renewal_reminder_days BIGINT NOT NULL,
          created_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX contracts_customer ON contracts (tenant_id, customer_id, valid_through);
        """),
    Migration(
      module: module, number: 24, name: "credit_holds",
      sql: """
        CREATE TABLE credit_holds (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          customer_id BIGINT NOT NULL,
          reference TEXT NOT NULL,
          amount_fen BIGINT NOT NULL,
          limit_fen BIGINT NOT NULL,
          exposure_fen BIGINT NOT NULL,
          reason TEXT NOT NULL,
          status TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          decided_by BIGINT,
          decided_at BIGINT,
          decision_note TEXT,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX credit_holds_status ON credit_holds (tenant_id, status, id);
        """),
    Migration(
      module: module, number: 25, name: "contract_renewal_reminders",
      sql: """
        CREATE TABLE contract_renewal_reminders (
          tenant_id BIGINT NOT NULL,
          contract_id BIGINT NOT NULL,
          valid_through TEXT NOT NULL,
          follow_up_id BIGINT NOT NULL,
          created_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, contract_id, valid_through)
        );
        """),
    Migration(
      module: module, number: 26, name: "contract_attachments",
      sqlite: attachmentsSQL(content: "BLOB"),
      postgres: attachmentsSQL(content: "BYTEA")),
    PricingBasis.migration,
  ]

  /// The attachments table, with the engine's byte-string type for the content.
  static func attachmentsSQL(content: String) -> String {
    """
    CREATE TABLE contract_attachments (
      tenant_id BIGINT NOT NULL,
      id BIGINT NOT NULL,
      contract_id BIGINT NOT NULL,
      file_name TEXT NOT NULL,
      content_type TEXT NOT NULL,
      size_bytes BIGINT NOT NULL,
      content \(content) NOT NULL,
      uploaded_by_name TEXT NOT NULL,
      uploaded_at BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX contract_attachments_contract ON contract_attachments (tenant_id, contract_id);
    """
  }
}
