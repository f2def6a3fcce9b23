import FreightdeskCore
import Testing
import Web

@Suite struct NumberFormatTests {
  @Test(arguments: [
    (Int64(123_456), "¥1,234.56"), (-123_456, "-¥1,234.56"), (0, "¥0.00"), (5, "¥0.05"),
    (-5, "-¥0.05"), (100, "¥1.00"), (99_999, "¥999.99"), (100_000, "¥1,000.00"),
    (123_456_789_012_345, "¥1,234,567,890,123.45"),
    (Int64.max, "¥92,233,720,368,547,758.07"), (Int64.min, "-¥92,233,720,368,547,758.08"),
  ])
  func moneyShowsSymbolGroupingAndBothFenDigitsExactly(minorUnits: Int64, expected: String) {
    #expect(DisplayFormat.money(Money(minorUnits: minorUnits, currency: .cny)) == expected)
  }

  @Test(arguments: [
    (Int64(0), "0"), (7, "7"), (999, "999"), (1000, "1,000"), (-1000, "-1,000"),
    (1_234_567, "1,234,567"), (-12_345_678, "-12,345,678"),
    (Int64.min, "-9,223,372,036,854,775,808"),
  ])
  func integersAreGroupedByThousands(value: Int64, expected: String) {
    #expect(DisplayFormat.integer(value) == expected)
  }

  @Test(arguments: [
    (Int64(1_234_567), 3, "1,234.567"), (-5, 2, "-0.05"), (0, 3, "0.000"), (12, 1, "1.2"),
    (1_500_000, 3, "1,500.000"), (-1_000_001, 6, "-1.000001"), (42, 0, "42"),
  ])
  func decimalsKeepEveryFractionDigit(value: Int64, digits: Int, expected: String) {
    #expect(DisplayFormat.decimal(value, fractionDigits: digits) == expected)
  }
}
