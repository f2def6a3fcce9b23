public import FreightdeskCore

/// Why a tenant's audit chain is broken at an entry.
public enum AuditBreakReason: Sendable, Hashable {
  /// The entry has a different sequence number than the one due next: entries before it
  /// were removed, or sequence numbers were altered.
  case sequenceGap(expected: Int64)
  /// The entry's `previous_hash` is not the hash of the entry before it.
  case previousHashMismatch
  /// The entry's stored fields no longer produce its stored hash: it was altered.
  case hashMismatch
  /// The tenant's chain head disagrees with its last entry: entries at the end were removed,
  /// or the head was altered. The break is reported at the head's sequence.
  case headMismatch(lastSequence: Int64)
  /// The tenant has entries but no chain head.
  case headMissing

  /// A short English explanation for the command line.
  public var explanation: String {
    switch self {
    case .sequenceGap(let expected): "sequence gap, expected \(expected) (entries removed?)"
    case .previousHashMismatch: "does not link to the entry before it"
    case .hashMismatch: "content does not match its hash (entry altered)"
    case .headMismatch(let last):
      "chain head does not match the last entry \(last) (entries removed at the end?)"
    case .headMissing: "chain head is missing"
    }
  }
}

/// The first place one tenant's audit chain is broken.
public struct AuditChainBreak: Sendable, Hashable {
  /// The tenant whose chain is broken.
  public var tenant: TenantID
  /// The sequence number of the first entry that fails.
  public var sequence: Int64
  /// What is wrong there.
  public var reason: AuditBreakReason

  /// Creates a break.
  public init(tenant: TenantID, sequence: Int64, reason: AuditBreakReason) {
    self.tenant = tenant
    self.sequence = sequence
    self.reason = reason
  }
}

/// The outcome of ``AuditLog/verify(database:)``: how much was checked and, per broken
/// tenant, the first broken entry. Backs `freightdesk audit verify`.
public struct AuditVerification: Sendable, Hashable {
  /// Tenants whose chains were walked.
  public var tenantsChecked: Int
  /// Entries whose hashes were recomputed.
  public var entriesChecked: Int
  /// The first break in each broken tenant's chain, by tenant.
  public var breaks: [AuditChainBreak]

  /// Creates a result.
  public init(tenantsChecked: Int, entriesChecked: Int, breaks: [AuditChainBreak]) {
    self.tenantsChecked = tenantsChecked
    self.entriesChecked = entriesChecked
    self.breaks = breaks
  }

  /// Whether every chain is intact.
  public var isIntact: Bool { breaks.isEmpty }

  /// One line saying whether the log is intact, then one line per broken tenant, e.g.
  /// `audit log broken in 1 of 3 tenants (1204 entries checked)` and
  /// `  tenant 7, entry 12: content does not match its hash (entry altered)`.
  public var summary: String {
    let entries = entriesChecked == 1 ? "1 entry" : "\(entriesChecked) entries"
    let tenants = tenantsChecked == 1 ? "1 tenant" : "\(tenantsChecked) tenants"
    guard !isIntact else {
      return "audit log intact: \(tenants), \(entries) checked"
    }
    let header = "audit log broken in \(breaks.count) of \(tenants) (\(entries) checked)"
    let lines = breaks.map { broken in
      "  tenant \(broken.tenant), entry \(broken.sequence): \(broken.reason.explanation)"
    }
    return ([header] + lines).joined(separator: "\n")
  }
}
