public import FreightdeskCore
import Storage
public import Web

extension CRMService {
  /// A customer's addresses, oldest first.
  public func addresses(of customer: Identifier, in tenant: TenantID) throws -> [CustomerAddress] {
    try database.read(for: tenant) { scope in
      _ = try CustomerStore.load(customer, scope)
      return try AddressStore.list(of: customer, scope)
    }
  }

  /// Adds an address to a customer.
  @discardableResult
  public func addAddress(
    _ input: AddressInput, to customer: Identifier, in tenant: TenantID, audit: AuditContext
  ) throws -> CustomerAddress {
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
    let address = CustomerAddress(
      id: identifiers.next(), customerID: customer, label: (input.label ?? "").trimmed,
      province: input.province.trimmed, city: input.city.trimmed,
      district: (input.district ?? "").trimmed, detail: input.detail.trimmed,
      mapPoint: input.mapPoint)
    try database.write(for: tenant) { scope in
      try CustomerStore.touch(customer, expecting: nil, at: clock.now(), scope)
      try insertAddress(address, audit: audit, scope)
    }
    return address
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
      """,
      [
        .integer(address.id.rawValue), .integer(address.customerID.rawValue),
        .text(address.label), .text(address.province), .text(address.city),
        .text(address.district), .text(address.detail),
        SQLValue(address.mapPoint?.latitudeMicrodegrees),
        SQLValue(address.mapPoint?.longitudeMicrodegrees), .integer(now.epochMilliseconds),
      ])
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
