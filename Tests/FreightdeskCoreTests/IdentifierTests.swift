import FreightdeskCore
import Synchronization
import TestSupport
import Testing

@Suite struct IdentifierTests {
  @Test func identifiersIncreaseAndCarryTheirMillisecond() {
    let clock = ManualClock()
    let generator = IdentifierGenerator(node: 7, clock: clock)
    let first = generator.next()
    let second = generator.next()
    clock.advance(milliseconds: 5)
    let third = generator.next()
    #expect(first < second)
    #expect(second < third)
    #expect(first.instant == ManualClock().now())
    #expect(third.instant == clock.now())
  }

  @Test func aClockThatStepsBackNeverRepeatsAnIdentifier() {
    let clock = ManualClock()
    let generator = IdentifierGenerator(node: 1, clock: clock)
    clock.advance(seconds: 10)
    let beforeStepBack = generator.next()
    clock.set(ManualClock().now())
    let afterStepBack = (0..<10_000).map { _ in generator.next() }
    #expect(afterStepBack.allSatisfy { $0 > beforeStepBack })
    #expect(Set(afterStepBack).count == afterStepBack.count)
  }

  @Test func manyIdentifiersInOneMillisecondSpillIntoTheNext() {
    let clock = ManualClock()
    let generator = IdentifierGenerator(node: 0, clock: clock)
    let identifiers = (0..<10_000).map { _ in generator.next() }
    #expect(Set(identifiers).count == identifiers.count)
    #expect(identifiers == identifiers.sorted())
  }

  @Test func threadsNeverShareAnIdentifier() async {
    let generator = IdentifierGenerator(node: 3, clock: SystemClock())
    let all = Mutex<[Identifier]>([])
    await withTaskGroup(of: [Identifier].self) { group in
      for _ in 0..<8 {
        group.addTask { (0..<5_000).map { _ in generator.next() } }
      }
      for await batch in group { all.withLock { $0 += batch } }
    }
    let identifiers = all.withLock { $0 }
    #expect(Set(identifiers).count == 40_000)
    #expect(identifiers.allSatisfy { $0.rawValue > 0 })
  }

  @Test func differentNodesNeverCollideInTheSameMillisecond() {
    let clock = ManualClock()
    let a = IdentifierGenerator(node: 1, clock: clock)
    let b = IdentifierGenerator(node: 2, clock: clock)
    let fromA = Set((0..<1000).map { _ in a.next() })
    let fromB = Set((0..<1000).map { _ in b.next() })
    #expect(fromA.isDisjoint(with: fromB))
  }
}
