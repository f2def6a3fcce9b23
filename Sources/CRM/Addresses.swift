public import FreightdeskCore
import Storage
public import Web

extension CRMService {
  /// A customer's addresses, oldest first.
  public func addresses(of customer: Identifier, in tenant: TenantID) throws -> [CustomerAddress] {
    try reading(customer, in: tenant) { try AddressStore.list(of: customer, $0) }
  }

  /// Adds an address to a customer.
  @discardableResult
  public func addAddress(
    _ input: AddressInput, to customer: Identifier, in tenant: TenantID, audit: AuditContext
  ) throws -> CustomerAddress {
    let address = try validAddress(input, id: identifiers.next(), customer: customer)
    try database.write(for: tenant) { scope in
      try CustomerStore.touch(customer, expecting: nil, at: clock.now(), scope)
      try insertAddress(address, audit: audit, scope)
    }
    return address
  }

  /// Replaces an address's fields.
  @discardableResult
  public func updateAddress(
    _ id: Identifier, of customer: Identifier, _ input: AddressInput, in tenant: TenantID,
    audit: AuditContext
  ) throws -> CustomerAddress {
    let address = try validAddress(input, id: id, customer: customer)
    try database.write(for: tenant) { scope in
      if try AddressStore.update(address, scope) == 0 { throw CRMError.addressNotFound }
      try CustomerStore.touch(customer, expecting: nil, at: clock.now(), scope)
      try audit.record(
        entity: "customer_address", id: id, action: "update",
        after: ["address": address.province + address.city + address.district + address.detail],
        in: scope)
    }
    return address
  }

  private func validAddress(_ input: AddressInput, id: Identifier, customer: Identifier) throws
    -> CustomerAddress
  {
    var problems = CustomerRules.text(input.label ?? "", pointer: "/label", max: 30, optional: true)
    problems += CustomerRules.text(input.province, pointer: "/province", max: 20)
    problems += CustomerRules.text(input.city, pointer: "/city", max: 20)
    problems += CustomerRules.text(
      input.district ?? "", pointer: "/district", max: 20, optional: true)
    problems += CustomerRules.text(input.detail, pointer: "/detail", max: 200)
    if let point = input.mapPoint {
      problems += CustomerRules.mapPoint(point, pointer: "/map_point")
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return CustomerAddress(
      id: id, customerID: customer, label: (input.label ?? "").trimmed,
      province: input.province.trimmed, city: input.city.trimmed,
      district: (input.district ?? "").trimmed, detail: input.detail.trimmed,
      mapPoint: input.mapPoint)
  }

  func insertAddress(_ address: CustomerAddress, audit: AuditContext, _ scope: TenantScope)
    throws
  {
    try AddressStore.insert(address, at: clock.now(), scope)
    try audit.record(
      entity: "customer_address", id: address.id, action: "create",
      after: [
        "customer_id": address.customerID.description,
        "address": address.province + address.city + address.district + address.detail,
      ], in: scope)
  }

  /// Removes an address from a customer.
  public func removeAddress(
    _ id: Identifier, of customer: Identifier, in tenant: TenantID, audit: AuditContext
  ) throws {
    try database.write(for: tenant) { scope in
      let removed = try scope.execute(
        "DELETE FROM customer_addresses WHERE tenant_id = $1 AND id = $2 AND customer_id = $3",
        [.integer(id.rawValue), .integer(customer.rawValue)])
      if removed == 0 { throw CRMError.addressNotFound }
      try CustomerStore.touch(customer, expecting: nil, at: clock.now(), scope)
      try audit.record(entity: "customer_address", id: id, action: "delete", in: scope)
    }
  }
}

/// Reads and writes `customer_addresses`.
enum AddressStore {
  static func insert(_ address: CustomerAddress, at now: Instant, _ scope: TenantScope) throws {
    try scope.execute(
      """
      INSERT INTO customer_addresses (tenant_id, id, customer_id, label, province, city,
        district, detail, latitude_microdegrees, longitude_microdegrees, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      """, values(address) + [.integer(now.epochMilliseconds)])
  }

  /// Overwrites an address of its customer; returns how many rows changed (0 or 1).
  static func update(_ address: CustomerAddress, _ scope: TenantScope) throws -> Int {
    try scope.execute(
      """
      UPDATE customer_addresses SET label = $4, province = $5, city = $6, district = $7,
        detail = $8, latitude_microdegrees = $9, longitude_microdegrees = $10
      WHERE tenant_id = $1 AND id = $2 AND customer_id = $3
      """, values(address))
  }

  /// The id, customer and fields of an address, bound to `$2` … `$10`.
  private static func values(_ address: CustomerAddress) -> [SQLValue] {
    [
      .integer(address.id.rawValue), .integer(address.customerID.rawValue),
      .text(address.label), .text(address.province), .text(address.city),
      .text(address.district), .text(address.detail),
      SQLValue(address.mapPoint?.latitudeMicrodegrees),
      SQLValue(address.mapPoint?.longitudeMicrodegrees),
    ]
  }

  static func list(of customer: Identifier, _ scope: TenantScope) throws -> [CustomerAddress] {
    try scope.query(
      """
      SELECT id, customer_id, label, province, city, district, detail, latitude_microdegrees,
        longitude_microdegrees
      FROM customer_addresses WHERE tenant_id = $1 AND customer_id = $2 ORDER BY id
      """, [.integer(customer.rawValue)]
    ).map { row in
      let latitude = try row.optionalInt64("latitude_microdegrees")
      let longitude = try row.optionalInt64("longitude_microdegrees")
      return CustomerAddress(
        id: try row.identifier("id"), customerID: try row.identifier("customer_id"),
        label: try row.string("label"), province: try row.string("province"),
        city: try row.string("city"), district: try row.string("district"),
        detail: try row.string("detail"),
        mapPoint: latitude.flatMap { latitude in
          longitude.map { MapPoint(latitudeMicrodegrees: latitude, longitudeMicrodegrees: $0) }
        })
    }
  }
}
