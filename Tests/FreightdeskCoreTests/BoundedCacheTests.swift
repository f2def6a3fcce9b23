import FreightdeskCore
import Testing

@Suite struct BoundedCacheTests {
  @Test func remembersValuesAndNeverHoldsMoreThanItsBound() {
    let cache = BoundedCache<Int, String>(entriesMax: 3)
    cache.store("one", for: 1)
    cache.store("two", for: 2)
    cache.store("uno", for: 1)
    #expect(cache.value(for: 1) == "uno")
    #expect(cache.value(for: 2) == "two")
    cache.store("three", for: 3)
    // Full: the next new key starts the cache again.
    cache.store("four", for: 4)
    #expect(cache.value(for: 4) == "four")
    #expect([1, 2, 3].allSatisfy { cache.value(for: $0) == nil })
  }
}
