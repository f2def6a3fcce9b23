public import FreightdeskCore

/// A customer's recency, frequency and monetary scores, each 1 (lowest fifth of the company's
/// ordering customers) to 5 (highest fifth); a customer without orders scores 1 on each.
public struct RFMScore: Codable, Sendable, Equatable {
  /// How recently it ordered.
  public var recency: Int
  /// How often it ordered.
  public var frequency: Int
  /// How much its orders brought.
  public var monetary: Int

  /// The scores a score may take.
  public static let range = 1...5

  /// The score of a customer without orders.
  public static let lowest = RFMScore(recency: 1, frequency: 1, monetary: 1)

  /// Bundles the scores.
  public init(recency: Int, frequency: Int, monetary: Int) {
    precondition(
      Self.range.contains(recency) && Self.range.contains(frequency)
        && Self.range.contains(monetary), "RFM scores are 1–5")
    self.recency = recency
    self.frequency = frequency
    self.monetary = monetary
  }

  /// The scores of every customer with orders in `figures`, by quintile among them: a
  /// customer's score on a measure is 1 + five times the share of customers strictly below it,
  /// so equal figures score the same. Customers missing from the answer score ``lowest``.
  public static func scores(of figures: [Identifier: CustomerOrderFigures]) -> [Identifier:
    RFMScore]
  {
    let ordering = figures.filter { $0.value.orders > 0 }
    let recency = quintiles(ordering.mapValues { $0.lastOrderAt?.epochMilliseconds ?? 0 })
    let frequency = quintiles(ordering.mapValues { Int64($0.orders) })
    let monetary = quintiles(ordering.mapValues(\.revenue.minorUnits))
    return ordering.keys.reduce(into: [:]) { scores, customer in
      scores[customer] = RFMScore(
        recency: recency[customer] ?? 1, frequency: frequency[customer] ?? 1,
        monetary: monetary[customer] ?? 1)
    }
  }

  private static func quintiles(_ values: [Identifier: Int64]) -> [Identifier: Int] {
    let sorted = values.values.sorted()
    return values.mapValues { value in
      var low = 0
      var high = sorted.count
      while low < high {
        let middle = (low + high) / 2
        if sorted[middle] < value { low = middle + 1 } else { high = middle }
      }
      return 1 + low * 5 / sorted.count
    }
  }
}
