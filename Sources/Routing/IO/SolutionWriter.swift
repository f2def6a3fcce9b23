/// Writes solutions in the VRPLIB `.sol` format CVRPLIB uses: one `Route #k: c1 c2 …` line
/// per vehicle with customers numbered 1…n in the instance's order, then `Cost value`.
public enum SolutionWriter {
  /// The `.sol` text of `solution`.
  ///
  /// ```text
  /// Route #1: 3 1 2
  /// Route #2: 4
  /// Cost 128.4
  /// ```
  public static func vrplib(_ solution: Solution) -> String {
    var text = ""
    for (index, route) in solution.routes.enumerated() {
      text += "Route #\(index + 1): " + route.map(String.init).joined(separator: " ") + "\n"
    }
    return text + "Cost \(formatted(solution.cost))\n"
  }

  /// A cost as an integer when it is exactly one, else with two decimals.
  public static func formatted(_ cost: Double) -> String {
    if cost == cost.rounded(), abs(cost) < 1e15 { return String(Int(cost)) }
    let hundredths = Int((cost * 100).rounded())
    let fraction = abs(hundredths % 100)
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
