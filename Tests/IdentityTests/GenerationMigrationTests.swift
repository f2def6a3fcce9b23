import Storage
import Testing

@testable import Identity

/// The migrations that created the sign-in counters have landed in companies' databases; their
/// text, whoever builds it, must stay what it was, or those databases refuse to start.
@Suite struct GenerationMigrationTests {
  @Test func theLandedCounterMigrationsKeepTheirText() {
    let checksums = [IdentityGenerations.migration, IdentityGenerations.tokenMigration].map {
      [$0.checksum(for: .sqlite), $0.checksum(for: .postgres)]
    }
    #expect(
      checksums == [
        [
          "cd2afbb0a4c5388bd0ebfc15511b7e9cfaefa3e0bb71c631ba0c7102859cf05b",
          "1f63170b6e92e6a7b76a147f68c2945ce90a95cdac0728dd32ac352b524c0fe1",
        ],
        [
          "e45b6f865df380f3c17211f88d7d2a8a2c946326c66d25568d8f9e7c31249f6d",
          "f053c4e182fe0d1bb848787fe23125d85db0d3a45d2babda48e1d184300aa979",
        ],
      ])
  }
}
