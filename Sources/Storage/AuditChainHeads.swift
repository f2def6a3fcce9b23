import FreightdeskCore
import Synchronization

/// Where each company's audit chain ended after this process last appended to it: a guess
/// that lets the next append advance the chain head with one conditional `UPDATE` instead of
/// first claiming the head and then storing its new hash (two statements on the same row, in
/// the transaction that SQLite's writers take one at a time).
///
/// A guess is only a guess: it is remembered before its transaction commits, and another
/// process may have appended since. The `UPDATE` therefore requires the stored head to be
/// exactly the guessed one (sequence and hash); when it is not, nothing changes and the append
/// claims the head as it would without a guess.
final class AuditChainHeads: Sendable {
  /// The last entry of a chain: its sequence and hash.
  struct Head: Equatable {
    var sequence: Int64
    var hash: String
  }

  private let heads = Mutex<[TenantID: Head]>([:])

  /// The head this process last wrote for `tenant`, if any.
  func guess(_ tenant: TenantID) -> Head? {
    heads.withLock { $0[tenant] }
  }

  /// Remembers `head` as `tenant`'s, after an append wrote it.
  func remember(_ head: Head, of tenant: TenantID) {
    heads.withLock { $0[tenant] = head }
  }
}
