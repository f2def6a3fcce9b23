public import FreightdeskCore
import Storage
public import Web

extension CRMService {
  /// The list every company starts with.
  static let defaultSegments = [
    PlatformSegment(code: "taobao", name: "淘宝"), PlatformSegment(code: "jd", name: "京东"),
    PlatformSegment(code: "pinduoduo", name: "拼多多"), PlatformSegment(code: "douyin", name: "抖音"),
    PlatformSegment(code: "offline", name: "线下"),
  ]

  /// The company's platform segments in their order; a company that has none yet gets the
  /// default list (淘宝, 京东, 拼多多, 抖音, 线下) written on first use.
  public func segments(in tenant: TenantID) throws -> [PlatformSegment] {
    let stored = try database.read(for: tenant) { try SegmentStore.list($0) }
    if !stored.isEmpty { return stored }
    return try database.write(for: tenant) { scope in
      for (position, segment) in Self.defaultSegments.enumerated() {
        try SegmentStore.insert(segment, position: position, ifAbsent: true, scope)
      }
      return try SegmentStore.list(scope)
    }
  }

  /// Adds a segment at the end of the company's list.
  public func addSegment(_ segment: PlatformSegment, in tenant: TenantID, audit: AuditContext)
    throws
  {
    var problems = CustomerRules.text(segment.name, pointer: "/name", max: 20)
    if segment.code.wholeMatch(of: /[a-z][a-z0-9_]{1,31}/) == nil {
      problems.append(FieldError(pointer: "/code", code: "invalid_segment_code"))
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    let existing = try segments(in: tenant)
    if existing.contains(where: { $0.code == segment.code }) {
      throw CRMError.segmentTaken(segment.code)
    }
    try database.write(for: tenant) { scope in
      let trimmed = PlatformSegment(code: segment.code, name: segment.name.trimmed)
      try SegmentStore.insert(trimmed, position: existing.count, ifAbsent: false, scope)
      try audit.record(
        entity: "platform_segment", id: nil, action: "create",
        after: ["code": trimmed.code, "name": trimmed.name], in: scope)
    }
  }
}

/// Reads and writes `platform_segments`.
enum SegmentStore {
  static func list(_ scope: TenantScope) throws -> [PlatformSegment] {
    try scope.query(
      "SELECT code, name FROM platform_segments WHERE tenant_id = $1 ORDER BY position, code", []
    ).map { PlatformSegment(code: try $0.string("code"), name: try $0.string("name")) }
  }

  static func insert(
    _ segment: PlatformSegment, position: Int, ifAbsent: Bool, _ scope: TenantScope
  ) throws {
    do {
      try scope.execute(
        "INSERT INTO platform_segments (tenant_id, code, name, position) VALUES ($1, $2, $3, $4)"
          + (ifAbsent ? " ON CONFLICT DO NOTHING" : ""),
        [.text(segment.code), .text(segment.name), .integer(Int64(position))])
    } catch DatabaseError.uniqueViolation {
      throw CRMError.segmentTaken(segment.code)
    }
  }
}
