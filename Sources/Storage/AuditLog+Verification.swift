import FreightdeskCore

extension AuditLog {
  /// Walks every tenant's chain in sequence order, a page at a time, recomputing each hash
  /// and checking that sequence numbers run 1, 2, 3... without gaps, that each entry links
  /// to the one before, and that the chain head matches the last entry.
  ///
  /// Each tenant is read in one snapshot, so appends running meanwhile are not mistaken for
  /// breaks. Only the first break per tenant is reported: every later entry of a broken
  /// chain is suspect anyway.
  public static func verify(database: any Database) throws -> AuditVerification {
    var result = AuditVerification(tenantsChecked: 0, entriesChecked: 0, breaks: [])
    var previousTenant = Int64.min
    while let tenant = try nextTenant(after: previousTenant, in: database) {
      let (entries, broken) = try database.read(for: tenant) { scope in
        try firstBreak(in: scope)
      }
      result.tenantsChecked += 1
      result.entriesChecked += entries
      if let broken { result.breaks.append(broken) }
      previousTenant = tenant.rawValue
    }
    return result
  }

  /// The smallest tenant above `tenant` that has entries or a chain head.
  private static func nextTenant(after tenant: Int64, in database: any Database) throws
    -> TenantID?
  {
    let rows = try database.read { executor in
      try executor.query(
        """
        SELECT MIN(tenant_id) AS tenant_id FROM (
          SELECT MIN(tenant_id) AS tenant_id FROM audit_log WHERE tenant_id > $1
          UNION ALL
          SELECT MIN(tenant_id) AS tenant_id FROM audit_chain_heads WHERE tenant_id > $1
        ) AS candidates
        """, [.integer(tenant)])
    }
    return try rows.first?.optionalIdentifier("tenant_id").map(TenantID.init)
  }

  /// Checks the scope's tenant chain and returns how many entries were read and the first
  /// break, if any.
  private static func firstBreak(in scope: TenantScope) throws -> (Int, AuditChainBreak?) {
    var walk = ChainWalk()
    var pageIsFull = true
    while pageIsFull {
      let rows = try scope.query(
        """
        SELECT \(AuditChain.columns) FROM audit_log
        WHERE tenant_id = $1 AND sequence >= $2 ORDER BY sequence LIMIT $3
        """, [.integer(walk.expected), SQLValue(Limits.auditVerifyPageEntriesMax)])
      for row in rows {
        let record = try AuditChain.record(from: row)
        if let reason = walk.step(over: record) {
          let broken = AuditChainBreak(
            tenant: scope.tenant, sequence: record.sequence, reason: reason)
          return (walk.entries, broken)
        }
      }
      pageIsFull = rows.count == Limits.auditVerifyPageEntriesMax
    }
    return (walk.entries, try headBreak(after: walk, in: scope))
  }

  /// The break at the chain head when it does not record the walk's last entry.
  private static func headBreak(after walk: ChainWalk, in scope: TenantScope) throws
    -> AuditChainBreak?
  {
    let last = walk.expected - 1
    let head = try scope.query(
      "SELECT last_sequence, last_hash FROM audit_chain_heads WHERE tenant_id = $1"
    ).first
    guard let head else {
      return AuditChainBreak(tenant: scope.tenant, sequence: last, reason: .headMissing)
    }
    let headSequence = try head.int64("last_sequence")
    if headSequence == last, try head.string("last_hash") == walk.previousHash { return nil }
    return AuditChainBreak(
      tenant: scope.tenant, sequence: headSequence, reason: .headMismatch(lastSequence: last))
  }
}

/// The state of a walk along one chain: what the next entry must look like.
private struct ChainWalk {
  /// Entries stepped over so far.
  var entries = 0
  /// The sequence number the next entry must have.
  var expected: Int64 = 1
  /// The hash the next entry must link to.
  var previousHash = AuditChain.genesisHash

  /// Checks `record` as the next entry and moves past it; returns what is wrong with it
  /// instead when it is not sound.
  mutating func step(over record: AuditRecord) -> AuditBreakReason? {
    entries += 1
    if record.sequence != expected { return .sequenceGap(expected: expected) }
    if record.previousHash != previousHash { return .previousHashMismatch }
    if record.hash != AuditChain.hash(of: record) { return .hashMismatch }
    expected += 1
    previousHash = record.hash
    return nil
  }
}
