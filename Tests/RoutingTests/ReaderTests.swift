import Routing
import Testing

@Suite struct ReaderTests {
  static let solomon = """
    TINY

    VEHICLE
    NUMBER     CAPACITY
      3         50

    CUSTOMER
    CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME

        0      10         10          0          0        200          0
        1      13         14         10         20         60         10
        2       4          2         20          0         90          5
    """

  static let cvrp = """
    NAME : tiny-cvrp
    TYPE : CVRP
    DIMENSION : 4
    EDGE_WEIGHT_TYPE : EUC_2D
    CAPACITY : 10
    NODE_COORD_SECTION
    1 5 5
    2 0 0
    3 10 0
    4 5 9
    DEMAND_SECTION
    1 3
    2 0
    3 4
    4 5
    DEPOT_SECTION
    2
    -1
    EOF
    """

  @Test func solomonFileGivesDepotCustomersFleetAndWindows() throws {
    let instance = try SolomonReader.read(Self.solomon)
    #expect(instance.name == "TINY")
    #expect(instance.fleetSize == 3)
    #expect(instance.vehicleCapacity == 50)
    #expect(instance.depot == Site(x: 10, y: 10, readyTime: 0, dueTime: 200))
    #expect(instance.customers.count == 2)
    #expect(
      instance.customers[0]
        == Site(x: 13, y: 14, demand: 10, readyTime: 20, dueTime: 60, serviceTime: 10))
    #expect(instance.defaultRounding == .none)
  }

  @Test func vrplibCustomersAreNumberedInFileOrderWithoutTheDepot() throws {
    let instance = try VRPLIBReader.read(Self.cvrp)
    #expect(instance.depot.x == 0 && instance.depot.y == 0)
    #expect(instance.customers.map(\.demand) == [3, 4, 5])
    #expect(instance.customers.map(\.x) == [5, 10, 5])
    #expect(instance.fleetSize == nil)
    #expect(instance.defaultRounding == .nint)
    let data = try ProblemData(instance: instance)
    let solution = try Solver.solve(
      data, options: SolverOptions(stopping: StoppingCriteria(iterationLimit: 20)))
    #expect(solution.solution.routes.flatMap { $0 }.sorted() == [1, 2, 3])
  }

  @Test func vrplibRouteLengthLimitClosesTheDepot() throws {
    let instance = try VRPLIBReader.read("DISTANCE : 30\nSERVICE_TIME : 2\n" + Self.cvrp)
    #expect(instance.depot.dueTime == 30)
    #expect(instance.customers.allSatisfy { $0.serviceTime == 2 })
  }

  @Test func vrplibReadsTimeWindowsServiceTimesAndExplicitMatrices() throws {
    let text = """
      NAME : tw
      TYPE : VRPTW
      DIMENSION : 3
      VEHICLES : 2
      CAPACITY : 10
      EDGE_WEIGHT_TYPE : EXPLICIT
      EDGE_WEIGHT_FORMAT : LOWER_ROW
      EDGE_WEIGHT_SECTION
      4
      5 3
      DEMAND_SECTION
      1 0
      2 1
      3 2
      TIME_WINDOW_SECTION
      1 0 100
      2 10 20
      3 0 50
      SERVICE_TIME_SECTION
      1 0
      2 7
      3 7
      DEPOT_SECTION
      1
      -1
      EOF
      """
    let instance = try VRPLIBReader.read(text)
    #expect(instance.fleetSize == 2)
    #expect(instance.explicitDistances == [[0, 4, 5], [4, 0, 3], [5, 3, 0]])
    #expect(instance.customers[0].readyTime == 10 && instance.customers[0].dueTime == 20)
    #expect(instance.customers[1].serviceTime == 7)
  }

  /// Which reader a malformed-file case is for.
  enum Format: Sendable {
    case solomon
    case vrplib

    func read(_ text: String) throws(InstanceFormatError) -> Instance {
      switch self {
      case .solomon: try SolomonReader.read(text)
      case .vrplib: try VRPLIBReader.read(text)
      }
    }
  }

  @Test(arguments: [
    (Format.solomon, "VEHICLE\n2 10\n", "no CUSTOMER section"),
    (.solomon, "X\nVEHICLE\nN C\n2 ten\nCUSTOMER\n0 0 0 0 0 9 0\n", "line 4: capacity 'ten'"),
    (.solomon, "X\nVEHICLE\n2 10\nCUSTOMER\n0 0 0 0 0 9 0\n1 1 1 1 0\n", "line 6: expected 7"),
    (
      .solomon, "X\nVEHICLE\n2 10\nCUSTOMER\n0 0 0 0 0 9 0\n5 1 1 1 0 9 0\n",
      "line 6: customer number 5"
    ),
    (.vrplib, "NAME : a\nCAPACITY : 5\n", "DIMENSION is missing"),
    (
      .vrplib, "DIMENSION : 2\nCAPACITY : 5\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n",
      "DEMAND_SECTION is missing"
    ),
    (
      .vrplib, "DIMENSION : 2\nCAPACITY : 5\nNODE_COORD_SECTION\n1 0 0\n",
      "NODE_COORD_SECTION has 1 rows"
    ),
    (.vrplib, "DIMENSION : 2\nCAPACITY : x\n", "CAPACITY 'x' is not a whole number"),
    (
      .vrplib,
      "DIMENSION : 2\nCAPACITY : 5\nNODE_COORD_SECTION\n1 0 0\n3 1 1\nDEMAND_SECTION\n1 0\n2 1\n",
      "line 5: NODE_COORD_SECTION row 2"
    ),
    (.vrplib, "DIMENSION : 2\nCAPACITY : 5\nEDGE_WEIGHT_TYPE : GEO\n", "GEO not supported"),
    (.vrplib, "DIMENSION : 2\nthis is not a key\n", "line 2: expected 'KEY : value'"),
  ])
  func malformedFilesNameTheLineAndTheRule(format: Format, text: String, message: String) {
    #expect {
      try format.read(text)
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test func missingFileIsAClearError() {
    #expect {
      try InstanceReader.read(path: "/nonexistent/instance.vrp")
    } throws: { error in
      "\(error)".contains("cannot read /nonexistent/instance.vrp")
    }
  }
}
