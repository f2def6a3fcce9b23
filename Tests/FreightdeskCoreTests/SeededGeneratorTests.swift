import FreightdeskCore
import Testing

@Suite struct SeededGeneratorTests {
  @Test func theSameSeedReplaysTheSameSequence() {
    var first = SeededGenerator(seed: 42)
    var second = SeededGenerator(seed: 42)
    let a = (0..<100).map { _ in first.next() }
    let b = (0..<100).map { _ in second.next() }
    #expect(a == b)
  }

  @Test func differentSeedsGiveDifferentSequences() {
    var first = SeededGenerator(seed: 1)
    var second = SeededGenerator(seed: 2)
    #expect((0..<10).map { _ in first.next() } != (0..<10).map { _ in second.next() })
  }

  @Test func valuesSpreadEvenlyOverARange() {
    var generator = SeededGenerator(seed: 7)
    var counts = [Int](repeating: 0, count: 10)
    for _ in 0..<100_000 {
      counts[Int.random(in: 0..<10, using: &generator)] += 1
    }
    #expect(counts.allSatisfy { (9_000...11_000).contains($0) })
  }
}
