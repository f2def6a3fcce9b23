/// Reads the Solomon VRPTW text format: a name line, a `VEHICLE` block with the fleet size and
/// capacity, and a `CUSTOMER` block of `number x y demand ready due service` rows, the first
/// row being the depot. Distances are unrounded Euclidean by default.
public enum SolomonReader {
  /// Parses `text`; the first line is the instance name.
  public static func read(_ text: String) throws(InstanceFormatError) -> Instance {
    let lines = InstanceLines(text).lines
    guard let vehicleIndex = lines.firstIndex(where: { $0.words.first == "VEHICLE" }) else {
      throw InstanceFormatError.malformed(line: 0, reason: "no VEHICLE section")
    }
    guard let customerIndex = lines.firstIndex(where: { $0.words.first == "CUSTOMER" }),
      customerIndex > vehicleIndex
    else {
      throw InstanceFormatError.malformed(
        line: 0, reason: "no CUSTOMER section after the VEHICLE section")
    }
    let fleetLine = try numericLine(lines, after: vehicleIndex, until: customerIndex)
    guard fleetLine.words.count == 2 else {
      throw InstanceFormatError.malformed(
        line: fleetLine.number, reason: "expected 'vehicles capacity'")
    }
    let fleet = try InstanceLines.integer(
      fleetLine.words[0], line: fleetLine.number, what: "vehicle number")
    let capacity = try InstanceLines.integer(
      fleetLine.words[1], line: fleetLine.number, what: "capacity")
    var sites: [Site] = []
    for line in lines[(customerIndex + 1)...] where Double(line.words[0]) != nil {
      sites.append(try site(line, expectedNumber: sites.count))
    }
    guard let depot = sites.first else {
      throw InstanceFormatError.malformed(line: 0, reason: "the CUSTOMER section has no rows")
    }
    let name = vehicleIndex > 0 ? lines[0].words.joined(separator: " ") : "solomon"
    return Instance(
      name: name, depot: depot, customers: Array(sites.dropFirst()), vehicleCapacity: capacity,
      fleetSize: fleet, defaultRounding: .none)
  }

  private static func numericLine(
    _ lines: [InstanceLines.Line], after start: Int, until end: Int
  ) throws(InstanceFormatError) -> InstanceLines.Line {
    for line in lines[(start + 1)..<end] where Double(line.words[0]) != nil {
      return line
    }
    throw InstanceFormatError.malformed(
      line: lines[start].number, reason: "VEHICLE section has no numbers")
  }

  private static func site(_ line: InstanceLines.Line, expectedNumber: Int)
    throws(InstanceFormatError) -> Site
  {
    guard line.words.count == 7 else {
      throw InstanceFormatError.malformed(
        line: line.number,
        reason: "expected 7 columns (number x y demand ready due service), found "
          + "\(line.words.count)")
    }
    var values: [Double] = []
    let names = ["customer number", "x", "y", "demand", "ready time", "due date", "service time"]
    for (word, what) in zip(line.words, names) {
      values.append(try InstanceLines.number(word, line: line.number, what: what))
    }
    guard Int(values[0]) == expectedNumber else {
      throw InstanceFormatError.malformed(
        line: line.number, reason: "customer number \(Int(values[0])), expected \(expectedNumber)")
    }
    let demand = try InstanceLines.integer(line.words[3], line: line.number, what: "demand")
    return Site(
      x: values[1], y: values[2], demand: demand, readyTime: values[4], dueTime: values[5],
      serviceTime: values[6])
  }
}
