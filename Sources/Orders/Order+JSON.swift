public import FreightdeskCore

// An order's JSON written directly: every order created over the API encodes its answer and
// its stops and cargo columns, and the generic encoder spent most of its time in dispatch.
// Members go in the byte order of their keys, as `Encodable` with sorted keys puts them;
// OrderJSONDifferentialTests compares each type's output with Foundation's encoding of the
// same value.

extension OrderTimeWindow: JSONWritable {
  /// Writes `{"end":…,"start":…}`.
  public func write(to writer: inout JSONWriter) throws {
    writer.beginObject()
    try writer.member("end", end)
    try writer.member("start", start)
    writer.endObject()
  }
}

extension OrderStop: JSONWritable {
  /// Writes the stop's members.
  public func write(to writer: inout JSONWriter) throws {
    writer.beginObject()
    writer.member("address", address)
    writer.member("contact_name", contactName)
    writer.member("contact_phone", contactPhone)
    writer.member("kind", kind)
    writer.member("region", region)
    try writer.member("windows", windows)
    writer.endObject()
  }
}

extension CargoLine: JSONWritable {
  /// Writes the line's members, leaving out the temperatures and dangerous-goods class it
  /// does not have.
  public func write(to writer: inout JSONWriter) throws {
    writer.beginObject()
    writer.member("dangerous_goods_class", dangerousGoodsClass)
    writer.member("declared_value_fen", declaredValueFen)
    writer.member("description", description)
    writer.member("fragile", fragile)
    writer.member("packages", packages)
    writer.member("pallets", pallets)
    writer.member("temperature_max_c", temperatureMaxC)
    writer.member("temperature_min_c", temperatureMinC)
    try writer.member("volume_m3", volumeM3)
    try writer.member("weight_kg", weightKg)
    writer.endObject()
  }
}

extension OrderPrice.Line: JSONWritable {
  /// Writes `{"amount_fen":…,"code":…}`.
  public func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("amount_fen", amountFen)
    writer.member("code", code)
    writer.endObject()
  }
}

extension OrderPrice: JSONWritable {
  /// Writes the price's members, without a promotion code when none applied.
  public func write(to writer: inout JSONWriter) throws {
    writer.beginObject()
    writer.member("currency", currency)
    try writer.member("lines", lines)
    writer.member("promotion_code", promotionCode)
    writer.member("total_fen", totalFen)
    writer.endObject()
  }
}

extension Order: JSONWritable {
  /// Writes the order's members, leaving out the exception, ETA, delivery time and quote
  /// number it does not have.
  public func write(to writer: inout JSONWriter) throws {
    try write(to: &writer, stored: nil)
  }

  /// Writes the order's members; `stored`, when given, holds its stops and price as encoded
  /// for their columns, which are copied instead of encoded a second time.
  func write(to writer: inout JSONWriter, stored: OrderStore.EncodedContent?) throws {
    writer.beginObject()
    try writer.member("cargo", cargo)
    writer.member("contact_name", contactName)
    try writer.member("created_at", createdAt)
    try writer.member("customer_id", customerID)
    try writer.member("delivered_at", deliveredAt)
    try writer.member("eta", eta)
    writer.member("exception", exception)
    try writer.member("id", id)
    writer.member("notes", notes)
    if let stored {
      writer.member("price", json: stored.price)
    } else {
      try writer.member("price", price)
    }
    writer.member("price_frozen", priceFrozen)
    writer.member("quote_number", quoteNumber)
    writer.member("service_type", serviceType)
    writer.member("services", services)
    writer.member("settlement", settlement)
    writer.member("source", source)
    writer.member("status", status)
    if let stored {
      writer.member("stops", json: stored.stops)
    } else {
      try writer.member("stops", stops)
    }
    try writer.member("updated_at", updatedAt)
    writer.member("version", version)
    writer.member("waybill", waybill)
    writer.endObject()
  }
}

/// A new order's answer: the order, with its stops and price copied from the JSON its write
/// stored for them. The answer is rendered on the SQLite writer's thread (it is stored with
/// the idempotency key in the same transaction), where encoding them again cost 18,000
/// instructions of every order.
struct NewOrderAnswer: JSONWritable {
  /// The order as created.
  let order: Order
  /// Its stops and price as stored.
  let stored: OrderStore.EncodedContent

  func write(to writer: inout JSONWriter) throws {
    try order.write(to: &writer, stored: stored)
  }

  func encode(to encoder: any Encoder) throws {
    try order.encode(to: encoder)
  }
}

extension OrderEventPayload: JSONWritable {
  /// Writes the payload's members.
  public func write(to writer: inout JSONWriter) throws {
    writer.beginObject()
    try writer.member("customer_id", customerID)
    try writer.member("order_id", orderID)
    writer.member("reference", reference)
    writer.member("service_type", serviceType)
    writer.member("status", status)
    writer.member("total_fen", totalFen)
    writer.endObject()
  }
}
