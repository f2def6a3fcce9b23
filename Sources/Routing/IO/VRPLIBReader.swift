/// Reads the VRPLIB (TSPLIB-style) format for CVRP and VRPTW: `KEY : value` specification
/// lines, then `NODE_COORD_SECTION`, `DEMAND_SECTION`, `DEPOT_SECTION` and, for VRPTW,
/// `TIME_WINDOW_SECTION` and `SERVICE_TIME_SECTION`, or an `EDGE_WEIGHT_SECTION` matrix.
/// `EUC_2D` distances round to the nearest integer, as TSPLIB defines them. A `DISTANCE`
/// limit (longest route, CVRP with route-length limits) becomes the depot's closing time,
/// which bounds each route's travel plus service time.
public enum VRPLIBReader {
  /// Parses `text`. Customers are numbered 1…n in file order, the depot left out.
  public static func read(_ text: String) throws(InstanceFormatError) -> Instance {
    var file = VRPLIBFile()
    try file.parse(InstanceLines(text).lines)
    return try file.instance()
  }
}

/// The specification and sections of one VRPLIB file while it is read.
private struct VRPLIBFile {
  var specification: [String: String] = [:]
  var sections: [String: (line: Int, rows: [[Double]])] = [:]

  mutating func parse(_ lines: [InstanceLines.Line]) throws(InstanceFormatError) {
    var section: String?
    for line in lines {
      let first = String(line.words[0])
      if first == "EOF" { break }
      if first.hasSuffix("_SECTION") {
        section = first
        sections[first] = (line.number, [])
        continue
      }
      if Double(first) != nil, let current = section {
        var row: [Double] = []
        for word in line.words {
          row.append(try InstanceLines.number(word, line: line.number, what: "value"))
        }
        sections[current]?.rows.append(row)
        continue
      }
      let text = line.words.joined(separator: " ")
      guard let colon = text.firstIndex(of: ":") else {
        throw InstanceFormatError.malformed(
          line: line.number, reason: "expected 'KEY : value' or a section")
      }
      let key = text[..<colon].trimmingSpaces()
      specification[key] = text[text.index(after: colon)...].trimmingSpaces()
      section = nil
    }
  }

  func integer(_ key: String) throws(InstanceFormatError) -> Int? {
    guard let text = specification[key] else { return nil }
    guard let value = Int(text) else {
      throw InstanceFormatError.malformed(line: 0, reason: "\(key) '\(text)' is not a whole number")
    }
    return value
  }

  /// The non-negative number under `key`, if the key is there.
  func number(_ key: String) throws(InstanceFormatError) -> Double? {
    guard let text = specification[key] else { return nil }
    guard let value = Double(text), value >= 0, value.isFinite else {
      throw InstanceFormatError.malformed(line: 0, reason: "\(key) '\(text)' is not a number")
    }
    return value
  }

  func instance() throws(InstanceFormatError) -> Instance {
    guard let dimension = try integer("DIMENSION"), dimension >= 1 else {
      throw InstanceFormatError.malformed(line: 0, reason: "DIMENSION is missing")
    }
    guard let capacity = try integer("CAPACITY") else {
      throw InstanceFormatError.malformed(line: 0, reason: "CAPACITY is missing")
    }
    let rounding = try rounding()
    let depot = try depotIndex(dimension)
    var sites = try coordinates(dimension)
    try fill(&sites, section: "DEMAND_SECTION", columns: 1, required: true) { site, row in
      site.demand = Int(row[0])
    }
    try fill(&sites, section: "TIME_WINDOW_SECTION", columns: 2, required: false) { site, row in
      site.readyTime = row[0]
      site.dueTime = row[1]
    }
    if let service = try number("SERVICE_TIME") {
      for index in sites.indices where index != depot { sites[index].serviceTime = service }
    }
    if let limit = try number("DISTANCE") {
      sites[depot].dueTime = min(sites[depot].dueTime, limit)
    }
    try fill(&sites, section: "SERVICE_TIME_SECTION", columns: 1, required: false) { site, row in
      site.serviceTime = row[0]
    }
    let order = [depot] + (0..<dimension).filter { $0 != depot }
    return Instance(
      name: specification["NAME"] ?? "vrplib", depot: sites[depot],
      customers: order.dropFirst().map { sites[$0] }, vehicleCapacity: capacity,
      fleetSize: try integer("VEHICLES"),
      explicitDistances: try explicitMatrix(dimension)?.map { row in order.map { row[$0] } }
        .reorderedRows(order),
      defaultRounding: rounding)
  }

  func rounding() throws(InstanceFormatError) -> Rounding {
    switch specification["EDGE_WEIGHT_TYPE"] ?? "EUC_2D" {
    case "EUC_2D": .nint
    case "EXACT_2D", "EXPLICIT": .none
    case let other:
      throw InstanceFormatError.malformed(
        line: 0, reason: "EDGE_WEIGHT_TYPE \(other) not supported")
    }
  }

  func depotIndex(_ dimension: Int) throws(InstanceFormatError) -> Int {
    guard let section = sections["DEPOT_SECTION"], let first = section.rows.first?.first else {
      return 0
    }
    guard first >= 1, Int(first) <= dimension else {
      throw InstanceFormatError.malformed(
        line: section.line, reason: "depot \(Int(first)) is not a node")
    }
    return Int(first) - 1
  }

  func coordinates(_ dimension: Int) throws(InstanceFormatError) -> [Site] {
    var sites = Array(repeating: Site(x: 0, y: 0), count: dimension)
    let isExplicit = specification["EDGE_WEIGHT_TYPE"] == "EXPLICIT"
    try fill(&sites, section: "NODE_COORD_SECTION", columns: 2, required: !isExplicit) {
      site, row in
      site.x = row[0]
      site.y = row[1]
    }
    return sites
  }

  /// Applies each `id value…` row of `section` to site `id`, checking ids and column counts.
  func fill(
    _ sites: inout [Site], section name: String, columns: Int, required: Bool,
    _ apply: (inout Site, [Double]) -> Void
  ) throws(InstanceFormatError) {
    guard let section = sections[name] else {
      if required { throw InstanceFormatError.malformed(line: 0, reason: "\(name) is missing") }
      return
    }
    guard section.rows.count == sites.count else {
      throw InstanceFormatError.malformed(
        line: section.line,
        reason: "\(name) has \(section.rows.count) rows, expected \(sites.count)")
    }
    for (index, row) in section.rows.enumerated() {
      guard row.count == columns + 1, Int(row[0]) == index + 1 else {
        throw InstanceFormatError.malformed(
          line: section.line + index + 1,
          reason: "\(name) row \(index + 1): expected id and "
            + "\(columns) value\(columns == 1 ? "" : "s")")
      }
      apply(&sites[index], Array(row.dropFirst()))
    }
  }

  func explicitMatrix(_ dimension: Int) throws(InstanceFormatError) -> [[Double]]? {
    guard specification["EDGE_WEIGHT_TYPE"] == "EXPLICIT" else { return nil }
    guard let section = sections["EDGE_WEIGHT_SECTION"] else {
      throw InstanceFormatError.malformed(line: 0, reason: "EDGE_WEIGHT_SECTION is missing")
    }
    let values = section.rows.flatMap { $0 }
    let format = specification["EDGE_WEIGHT_FORMAT"] ?? "FULL_MATRIX"
    guard let layout = MatrixLayout(rawValue: format) else {
      throw InstanceFormatError.malformed(
        line: 0, reason: "EDGE_WEIGHT_FORMAT \(format) not supported")
    }
    guard values.count == layout.count(dimension) else {
      throw InstanceFormatError.malformed(
        line: section.line,
        reason: "EDGE_WEIGHT_SECTION has \(values.count) values, \(format) needs "
          + "\(layout.count(dimension))")
    }
    return layout.matrix(values, dimension: dimension)
  }
}

/// The TSPLIB layouts of an explicit matrix.
private enum MatrixLayout: String {
  case full = "FULL_MATRIX"
  case lowerRow = "LOWER_ROW"
  case upperRow = "UPPER_ROW"
  case lowerDiagonalRow = "LOWER_DIAG_ROW"
  case upperDiagonalRow = "UPPER_DIAG_ROW"

  /// The (row, column) cells the layout lists, in file order.
  func cells(_ size: Int) -> [(Int, Int)] {
    switch self {
    case .full: (0..<size).flatMap { row in (0..<size).map { (row, $0) } }
    case .lowerRow: (0..<size).flatMap { row in (0..<row).map { (row, $0) } }
    case .upperRow: (0..<size).flatMap { row in ((row + 1)..<size).map { (row, $0) } }
    case .lowerDiagonalRow: (0..<size).flatMap { row in (0...row).map { (row, $0) } }
    case .upperDiagonalRow: (0..<size).flatMap { row in (row..<size).map { (row, $0) } }
    }
  }

  func count(_ size: Int) -> Int { cells(size).count }

  func matrix(_ values: [Double], dimension: Int) -> [[Double]] {
    var matrix = Array(repeating: Array(repeating: 0.0, count: dimension), count: dimension)
    for ((row, column), value) in zip(cells(dimension), values) {
      matrix[row][column] = value
      if self != .full { matrix[column][row] = value }
    }
    return matrix
  }
}

extension [[Double]] {
  /// The rows taken in `order`.
  fileprivate func reorderedRows(_ order: [Int]) -> [[Double]] {
    order.map { self[$0] }
  }
}

extension Substring {
  /// The text without leading and trailing spaces.
  fileprivate func trimmingSpaces() -> String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
