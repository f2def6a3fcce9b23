import Storage

/// The orders module's tables (module `orders`).
///
/// `orders` keeps what lists, statistics and tracking filter on as columns (status, customer,
/// service type, urgency, night delivery, due and delivered times, total, promotion, consignee
/// phone) and the stops and price breakdown as JSON; cargo lines have their own table. The
/// customer's order list pages by keyset over `orders_customer_created`, so it costs the same
/// for a customer with a million orders; the company-wide list uses `orders_created`.
enum OrdersSchema {
  static let module = "orders"

  static let migrations: [Migration] = [
    Migration(
      module: module, number: 1, name: "orders",
      sql: """
        CREATE TABLE orders (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          waybill TEXT NOT NULL,
          customer_id BIGINT NOT NULL,
          contact_name TEXT NOT NULL,
          service_type TEXT NOT NULL,
          status TEXT NOT NULL,
          exception_reason TEXT,
          stops TEXT NOT NULL,
          services TEXT NOT NULL,
          settlement TEXT NOT NULL,
          price TEXT NOT NULL,
          total_fen BIGINT NOT NULL,
          promotion_code TEXT,
          price_frozen INTEGER NOT NULL,
          quote_number TEXT,
          source TEXT NOT NULL,
          notes TEXT NOT NULL,
          is_urgent INTEGER NOT NULL,
          is_night INTEGER NOT NULL,
          due_at BIGINT,
          eta BIGINT,
          delivered_at BIGINT,
          consignee_phone TEXT NOT NULL,
          weight_grams BIGINT NOT NULL,
          volume_cm3 BIGINT NOT NULL,
          created_by BIGINT,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          version BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE UNIQUE INDEX orders_waybill ON orders (tenant_id, waybill);
        CREATE INDEX orders_customer_created
          ON orders (tenant_id, customer_id, created_at DESC, id DESC);
        CREATE INDEX orders_created ON orders (tenant_id, created_at DESC, id DESC);
        CREATE INDEX orders_status ON orders (tenant_id, status, created_at DESC, id DESC);
        CREATE TABLE order_cargo_lines (
          tenant_id BIGINT NOT NULL,
          order_id BIGINT NOT NULL,
          line_number INTEGER NOT NULL,
          description TEXT NOT NULL,
          packages BIGINT NOT NULL,
          weight_grams BIGINT NOT NULL,
          volume_cm3 BIGINT NOT NULL,
          pallets BIGINT NOT NULL,
          declared_value_fen BIGINT NOT NULL,
          temperature_min_c INTEGER,
          temperature_max_c INTEGER,
          fragile INTEGER NOT NULL,
          dangerous_goods_class TEXT,
          PRIMARY KEY (tenant_id, order_id, line_number)
        );
        CREATE TABLE order_events (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          order_id BIGINT NOT NULL,
          event TEXT NOT NULL,
          from_status TEXT,
          to_status TEXT NOT NULL,
          note TEXT NOT NULL,
          actor TEXT NOT NULL,
          occurred_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX order_events_order ON order_events (tenant_id, order_id, occurred_at, id);
        CREATE TABLE order_settings (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          urgent_rating_min TEXT NOT NULL,
          urgent_delivered_min INTEGER NOT NULL,
          urgent_period_days INTEGER NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE TABLE order_saved_views (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          user_id BIGINT NOT NULL,
          name TEXT NOT NULL,
          query TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX order_saved_views_user ON order_saved_views (tenant_id, user_id, name);
        CREATE TABLE order_tracking_guesses (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          client_address TEXT NOT NULL,
          guessed_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX order_tracking_guesses_client
          ON order_tracking_guesses (tenant_id, client_address, guessed_at);
        """)
  ]
}
