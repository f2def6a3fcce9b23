import Foundation
public import FreightdeskCore
import Storage
public import Web

/// A saved customer segment with how many customers it holds now.
public struct CountedCustomerSegment: Codable, Sendable, Equatable {
  /// The segment.
  public var segment: CustomerSegment
  /// How many customers it holds now.
  public var customerCount: Int

  enum CodingKeys: String, CodingKey {
    case segment
    case customerCount = "customer_count"
  }
}

/// Saved customer segments: their rules, and who is in them now. Membership is computed on
/// each read (stored conditions in SQL, revenue and RFM scores from the order history), so
/// counts are always live.
public struct CustomerSegments: Sendable {
  let service: CRMService
  let history: any CustomerHistorySource

  /// Segments over the customers of `service` and the order history.
  public init(service: CRMService, history: any CustomerHistorySource) {
    self.service = service
    self.history = history
  }

  /// The company's segments by name, each with its live count.
  public func list(in tenant: TenantID) throws -> [CountedCustomerSegment] {
    try service.database.read(for: tenant) { scope in
      let segments = try CustomerSegmentStore.list(scope)
      let members = try self.members(of: segments.map(\.filter), scope)
      return zip(segments, members).map {
        CountedCustomerSegment(segment: $0, customerCount: $1.count)
      }
    }
  }

  /// One segment with its live count.
  public func segment(_ id: Identifier, in tenant: TenantID) throws -> CountedCustomerSegment {
    try service.database.read(for: tenant) { scope in
      let segment = try CustomerSegmentStore.load(id, scope)
      let members = try self.members(of: [segment.filter], scope)[0]
      return CountedCustomerSegment(segment: segment, customerCount: members.count)
    }
  }

  /// The customers of a segment, newest first; more than ``CRMLimits/exportRowsMax`` is an
  /// error, since the list feeds files and campaigns.
  public func customers(of id: Identifier, in tenant: TenantID) throws -> [Customer] {
    try service.database.read(for: tenant) { scope in
      let segment = try CustomerSegmentStore.load(id, scope)
      let members = try self.members(of: [segment.filter], scope)[0]
      guard members.count <= CRMLimits.exportRowsMax else {
        throw CRMError.exportTooLarge(rowsMax: CRMLimits.exportRowsMax)
      }
      return try CustomerStore.list(ids: members, scope)
    }
  }

  /// Saves a new segment.
  @discardableResult
  public func create(_ input: CustomerSegmentInput, in tenant: TenantID, audit: AuditContext)
    throws -> CustomerSegment
  {
    try validate(input)
    let now = service.clock.now()
    let segment = CustomerSegment(
      id: service.identifiers.next(), name: input.name.trimmed, filter: input.filter,
      createdAt: now, updatedAt: now)
    try service.database.write(for: tenant) { scope in
      try CustomerSegmentStore.insert(segment, scope)
      try audit.record(
        entity: "customer_segment", id: segment.id, action: "create",
        after: try Self.fields(segment), in: scope)
    }
    return segment
  }

  /// Replaces a segment's name and filter.
  @discardableResult
  public func update(
    _ id: Identifier, _ input: CustomerSegmentInput, in tenant: TenantID, audit: AuditContext
  ) throws -> CustomerSegment {
    try validate(input)
    return try service.database.write(for: tenant) { scope in
      let before = try CustomerSegmentStore.load(id, scope)
      var after = before
      after.name = input.name.trimmed
      after.filter = input.filter
      after.updatedAt = service.clock.now()
      try CustomerSegmentStore.update(after, scope)
      try audit.record(
        entity: "customer_segment", id: id, action: "update", before: try Self.fields(before),
        after: try Self.fields(after), in: scope)
      return after
    }
  }

  /// Deletes a segment.
  public func delete(_ id: Identifier, in tenant: TenantID, audit: AuditContext) throws {
    try service.database.write(for: tenant) { scope in
      let before = try CustomerSegmentStore.load(id, scope)
      try CustomerSegmentStore.delete(id, scope)
      try audit.record(
        entity: "customer_segment", id: id, action: "delete", before: try Self.fields(before),
        in: scope)
    }
  }

  /// The members of each filter, newest first; the order history is read once for all.
  func members(of filters: [CustomerSegmentFilter], _ scope: TenantScope) throws
    -> [[Identifier]]
  {
    var figures: [Identifier: CustomerOrderFigures] = [:]
    var scores: [Identifier: RFMScore] = [:]
    if filters.contains(where: \.readsHistory) {
      let bounds = HistoryWindow(days: CustomerSegmentFilter.historyDays)
        .bounds(endingAt: service.clock.now())
      figures = try history.figures(of: nil, from: bounds.from, to: bounds.to, in: scope)
      scores = RFMScore.scores(of: figures)
    }
    return try filters.map { filter in
      let candidates = try CustomerSegmentStore.candidates(filter, scope)
      guard filter.readsHistory else { return candidates }
      return candidates.filter {
        filter.admits(figures[$0] ?? .none, score: scores[$0] ?? .lowest)
      }
    }
  }

  private func validate(_ input: CustomerSegmentInput) throws {
    let problems =
      CustomerRules.text(input.name, pointer: "/name", max: 40) + input.filter.problems()
    if !problems.isEmpty { throw ValidationFailure(problems) }
  }

  private static func fields(_ segment: CustomerSegment) throws -> [String: String] {
    ["name": segment.name, "filter": try CompactJSONEncoder().text(segment.filter)]
  }
}
