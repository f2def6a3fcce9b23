public import FreightdeskCore

// An order's parts read straight from the parsed tree: every order created over the API
// decodes its body, and every order read back decodes its stops and cargo columns, where the
// generic decoder spent most of its time in boxed containers. Each type's decoding is written
// once, over `KeyedDecodingSource`, and serves `Decodable` and `JSONReadable` alike (see
// `JSONObjectReadable`); OrderJSONDifferentialTests compares the outcome with Foundation's
// `JSONDecoder`.

extension OrderTimeWindow: JSONObjectReadable {
  /// Decodes a window from its members.
  public init(members: some KeyedDecodingSource<CodingKeys>) throws {
    self.init(
      start: try members.decode(Instant.self, forKey: .start),
      end: try members.decode(Instant.self, forKey: .end))
  }
}

extension OrderStop: JSONObjectReadable {
  /// Decodes a stop from its members.
  public init(members: some KeyedDecodingSource<CodingKeys>) throws {
    self.init(
      kind: try members.decode(StopKind.self, forKey: .kind),
      region: try members.decode(String.self, forKey: .region),
      address: try members.decode(String.self, forKey: .address),
      contactName: try members.decode(String.self, forKey: .contactName),
      contactPhone: try members.decode(String.self, forKey: .contactPhone),
      windows: try members.decode([OrderTimeWindow].self, forKey: .windows))
  }
}

extension CargoLine: JSONObjectReadable {
  /// Decodes a line from its members; pallets, declared value, volume, temperatures,
  /// fragility and the dangerous-goods class may be left out.
  public init(members: some KeyedDecodingSource<CodingKeys>) throws {
    self.init(
      description: try members.decode(String.self, forKey: .description),
      packages: try members.decode(Int.self, forKey: .packages),
      weightKg: try members.decode(Double.self, forKey: .weightKg),
      volumeM3: try members.decodeIfPresent(Double.self, forKey: .volumeM3) ?? 0,
      pallets: try members.decodeIfPresent(Int.self, forKey: .pallets) ?? 0,
      declaredValueFen: try members.decodeIfPresent(Int64.self, forKey: .declaredValueFen) ?? 0,
      temperatureMinC: try members.decodeIfPresent(Int.self, forKey: .temperatureMinC),
      temperatureMaxC: try members.decodeIfPresent(Int.self, forKey: .temperatureMaxC),
      fragile: try members.decodeIfPresent(Bool.self, forKey: .fragile) ?? false,
      dangerousGoodsClass: try members.decodeIfPresent(String.self, forKey: .dangerousGoodsClass))
  }
}

extension OrderInput: JSONObjectReadable {
  /// Decodes an order as clients send it from its members.
  public init(members: some KeyedDecodingSource<CodingKeys>) throws {
    self.init(
      customerID: try members.decode(Identifier.self, forKey: .customerID),
      contactName: try members.decodeIfPresent(String.self, forKey: .contactName),
      serviceType: try members.decode(ServiceType.self, forKey: .serviceType),
      stops: try members.decode([OrderStop].self, forKey: .stops),
      cargo: try members.decode([CargoLine].self, forKey: .cargo),
      services: try members.decodeIfPresent([OrderServiceOption].self, forKey: .services),
      settlement: try members.decodeIfPresent(OrderSettlement.self, forKey: .settlement),
      notes: try members.decodeIfPresent(String.self, forKey: .notes))
  }
}

extension StopKind: JSONReadable {}
extension ServiceType: JSONReadable {}
extension OrderSettlement: JSONReadable {}
extension OrderServiceOption: JSONReadable {}
