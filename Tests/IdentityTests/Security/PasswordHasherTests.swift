import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Identity

@Suite struct PasswordHasherTests {
  /// The cheap cost most tests use; one test below uses the real default.
  private let hasher = PasswordHasher(cost: .minimum)

  @Test func aHashVerifiesItsPasswordAndNoOther() throws {
    let encoded = try hasher.hash("货车 correct horse")
    #expect(try hasher.verify("货车 correct horse", against: encoded))
    #expect(try !hasher.verify("货车 correct horsf", against: encoded))
    #expect(try !hasher.verify("", against: encoded))
  }

  @Test func theDefaultCostIsArgon2idOver64MiB() throws {
    let hasher = PasswordHasher()
    let encoded = try hasher.hash("运输 correct horse")
    #expect(encoded.hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$"))
    #expect(try hasher.verify("运输 correct horse", against: encoded))
    #expect(!hasher.needsRehash(encoded))
  }

  @Test func hashesOfOnePasswordDifferBecauseEachHasItsOwnSalt() throws {
    let first = try hasher.hash("same password")
    let second = try hasher.hash("same password")
    #expect(first.hasPrefix("$argon2id$"))
    #expect(first != second)
  }

  @Test func longPasswordsAreHashedWhole() throws {
    let stem = String(repeating: "x", count: 1_000)
    let encoded = try hasher.hash(stem + "1")
    #expect(try !hasher.verify(stem + "2", against: encoded))
    #expect(try hasher.verify(stem + "1", against: encoded))
  }

  @Test func passwordsOverTheByteLimitAreRefused() throws {
    let limit = IdentityLimits.passwordBytesMax
    let longest =
      String(repeating: "运", count: limit / 3) + String(repeating: "a", count: limit % 3)
    #expect(longest.utf8.count == limit)
    let encoded = try hasher.hash(longest)
    #expect(throws: PasswordHashingError.passwordTooLong(bytesMax: limit)) {
      try hasher.hash(longest + "a")
    }
    #expect(try !hasher.verify(longest + "a", against: encoded))
  }

  @Test func equivalentSpellingsOfAPasswordVerify() throws {
    let encoded = try hasher.hash("ｐａｓｓ１２３ café")
    #expect(try hasher.verify("pass123 cafe\u{301}", against: encoded))
  }

  @Test func malformedStoredHashesNeverMatch() throws {
    #expect(try !hasher.verify("anything", against: "$argon2id$garbage"))
    #expect(try !hasher.verify("anything", against: ""))
  }

  @Test func anUnknownAccountNeverMatchesYetCostsAHash() throws {
    #expect(try !hasher.verify("anything", against: nil))
    let single = PasswordHasher(cost: .minimum, concurrentMax: 1, waitMillisecondsMax: 10)
    try single.withHashingSlot { () -> Void in
      #expect(throws: PasswordHashingError.busy) { try single.verify("anything", against: nil) }
    }
  }

  @Test func hashesOfAnotherCostOrAlgorithmNeedRehashing() throws {
    let cheap = try hasher.hash("password to upgrade")
    #expect(!hasher.needsRehash(cheap))
    #expect(PasswordHasher().needsRehash(cheap))
    #expect(hasher.needsRehash("$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo"))
    #expect(hasher.needsRehash("not a hash"))
  }

  @Test func aCallerGivesUpWhenEverySlotStaysTaken() throws {
    let single = PasswordHasher(cost: .minimum, concurrentMax: 1, waitMillisecondsMax: 20)
    try single.withHashingSlot { () -> Void in
      #expect(throws: PasswordHashingError.busy) { try single.hash("waiting in vain") }
    }
    #expect(try single.verify("free again", against: single.hash("free again")))
  }

  @Test func aWaitingCallerProceedsWhenASlotFrees() throws {
    let single = PasswordHasher(cost: .minimum, concurrentMax: 1, waitMillisecondsMax: 10_000)
    let holding = DispatchSemaphore(value: 0)
    let done = DispatchGroup()
    done.enter()
    Thread {
      try? single.withHashingSlot {
        holding.signal()
        Thread.sleep(forTimeInterval: 0.1)
      }
      done.leave()
    }.start()
    holding.wait()
    #expect(try single.hash("patience").hasPrefix("$argon2id$"))
    done.wait()
  }

  @Test func noMoreThanTheLimitOfHashesRunAtOnce() {
    let limited = PasswordHasher(cost: .minimum, concurrentMax: 2)
    let counts = Mutex((running: 0, most: 0, finished: 0))
    let done = DispatchGroup()
    for _ in 0..<6 {
      done.enter()
      Thread {
        try? limited.withHashingSlot {
          counts.withLock {
            $0.running += 1
            $0.most = max($0.most, $0.running)
          }
          Thread.sleep(forTimeInterval: 0.02)
          counts.withLock {
            $0.running -= 1
            $0.finished += 1
          }
        }
        done.leave()
      }.start()
    }
    done.wait()
    #expect(counts.withLock { $0.most } <= 2)
    #expect(counts.withLock { $0.finished } == 6)
  }

  @Test func errorsHaveStableCodesKindsAndArguments() {
    let tooLong = PasswordHashingError.passwordTooLong(bytesMax: 1_024)
    #expect(tooLong.code == "password_too_long" && tooLong.arguments == ["max": "1024"])
    #expect(PasswordHashingError.busy.code == "password_hashing_busy")
    #expect(PasswordHashingError.busy.kind == .unavailable)
    #expect(PasswordHashingError.failed.kind == .internalFailure)
  }
}
