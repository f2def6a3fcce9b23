import Foundation
import Routing
import Testing

/// The strict JSON reader under VROOM problems: what is not JSON is refused with the byte
/// where reading stopped, repeated keys and non-numbers are refused with their pointer, and
/// what is JSON reads exactly as Foundation reads it.
@Suite struct VROOMJSONTests {
  static let fleet = #""vehicles": [{"id": 1, "start_index": 0}]"#
  static let matrix = #""matrices": {"car": {"durations": [[0, 5], [5, 0]]}}"#

  static func problem(jobs: String, extra: String = "") -> String {
    "{\(fleet), \(matrix), \"jobs\": [\(jobs)]\(extra)}"
  }

  static func refusal(_ bytes: [UInt8]) -> VROOMInputError? {
    do {
      _ = try VROOMProblemReader.read(bytes)
      return nil
    } catch {
      return error
    }
  }

  static func refusal(_ text: String) -> VROOMInputError? { refusal(Array(text.utf8)) }

  @Test(arguments: [
    (#"{"jobs": [],}"#, "a key in double quotes at byte 12"),
    (#"{"jobs": [01]}"#, "a comma or ] at byte 11"),
    (#"{"jobs": [1, 2"#, "a comma or ] at byte 14"),
    ("{'jobs': []}", "a key in double quotes at byte 1"),
    (#"{"jobs": NaN}"#, "a value at byte 9"),
    (#"{"jobs": [1.]}"#, "a digit at byte 12"),
    ("{\"a\tb\": 1}", "no control characters in a string (escape them) at byte 3"),
    (#"{"a": "\ud800x"}"#, "the low half of a surrogate pair at byte 13"),
    (#"{"a": "\udc00"}"#, "a high surrogate before a low one at byte 9"),
    (#"{"a": "\q"}"#, #"an escape: \" \\ \/ \b \f \n \r \t or \u at byte 8"#),
    ("// note\n{}", "a value at byte 0"),
    ("{} {}", "the end after the value at byte 3"),
    (#"{"a": 1e999}"#, "a number within the range of a double at byte 6"),
  ])
  func whatIsNotJSONIsRefusedWithTheByteWhereReadingStopped(text: String, expected: String) {
    let error = Self.refusal(text)
    #expect(error?.code == "json_invalid")
    #expect(error?.pointer == "")
    #expect(error?.message == "not well-formed JSON: expected \(expected)")
  }

  @Test func invalidUTF8AndDeepNestingAreRefused() {
    let invalid = Array(#"{"jobs": [{"description": ""#.utf8) + [0xC3, 0x28] + Array(#""}]}"#.utf8)
    #expect(
      Self.refusal(invalid)?.message == "not well-formed JSON: expected UTF-8 text at byte 27")
    let deep = String(repeating: "[", count: Limits.jsonNestingDepthMax + 1)
    #expect(
      Self.refusal(deep)?.message
        == "not well-formed JSON: expected at most 64 nested arrays and objects at byte 64")
  }

  @Test func aRepeatedKeyIsRefusedWithItsPointer() {
    let error = Self.refusal(Self.problem(jobs: #"{"id": 1, "location_index": 1, "id": 2}"#))
    #expect(
      error
        == VROOMInputError(
          pointer: "/jobs/0/id", code: "key_repeated", message: "field \"id\" is given twice"))
  }

  @Test func onlyNumbersAreNumbers() {
    let boolean = Self.refusal(
      Self.problem(jobs: #"{"id": 1, "location_index": 1, "delivery": [2, true]}"#))
    #expect(boolean?.pointer == "/jobs/0/delivery/1" && boolean?.code == "type_invalid")
    let text = Self.refusal(Self.problem(jobs: #"{"id": "1", "location_index": 1}"#))
    #expect(text?.pointer == "/jobs/0/id" && text?.code == "type_invalid")
    let cell = Self.refusal(
      #"{"vehicles": [{"id": 1, "start_index": 0}], "jobs": [],"#
        + #" "matrices": {"car": {"durations": [[0, 1], [1, "2"]]}}}"#)
    #expect(cell?.pointer == "/matrices/car/durations/1" && cell?.code == "value_negative")
    let short = Self.refusal(
      #"{"vehicles": [{"id": 1, "start_index": 0}], "jobs": [],"#
        + #" "matrices": {"car": {"durations": [[0, 1], [1]]}}}"#)
    #expect(short?.pointer == "/matrices/car/durations/1" && short?.code == "matrix_shape")
  }

  @Test func escapesFractionsAndExponentsReadAsWritten() throws {
    let text = """
      {"vehicles": [{"id": 1, "profile": "tr\\u00fcck \\ud83d\\ude9a\\n", "start_index": 0,
        "speed_factor": 1.25e0, "costs": {"per_km": 0.5E-1, "fixed": 12.0}}],
       "jobs": [{"id": 7, "location_index": 1, "service": 3.0e2, "description": "\\"\\/\\\\"}],
       "matrices": {"tr\\u00FCck \\uD83D\\uDE9A\\n": {"durations": [[0, 5], [5, 0]]}}}
      """
    let problem = try VROOMProblemReader.read(Array(text.utf8))
    #expect(problem.vehicles[0].profile == "trück 🚚\n")
    #expect(problem.travel.profiles["trück 🚚\n"]?.durations == [0, 5, 5, 0])
    #expect(problem.vehicles[0].speedFactor == 1.25)
    #expect(problem.vehicles[0].costs.perKm == 0.05 && problem.vehicles[0].costs.fixed == 12)
    #expect(problem.jobs[0].stop.serviceSeconds == 300)
  }

  @Test func aLargeMatrixAndCoordinatesReadExactlyAsFoundationReadsThem() throws {
    var generator = SystemRandomNumberGenerator()
    let size = 300
    let rows = (0..<size).map { row in
      (0..<size).map { column in
        row == column ? 0 : Int.random(in: 1...9_000_000, using: &generator)
      }
    }
    let jobs = (1..<size).map { ["id": $0, "location_index": $0] }
    let object: [String: Any] = [
      "vehicles": [["id": 1, "start_index": 0, "end_index": 0]], "jobs": jobs,
      "matrices": ["car": ["durations": rows, "distances": rows]],
    ]
    let data = try JSONSerialization.data(withJSONObject: object)
    let problem = try VROOMProblemReader.read(Array(data))
    #expect(problem.travel.locationCount == size)
    #expect(problem.travel.profiles["car"]?.durations == rows.flatMap { $0 })
    #expect(problem.travel.profiles["car"]?.distances == rows.flatMap { $0 })
    let places = (0..<50).map { _ in
      [
        Double.random(in: -180...180, using: &generator),
        Double.random(in: -90...90, using: &generator),
      ]
    }
    let located: [String: Any] = [
      "vehicles": [["id": 1, "start": places[0]]],
      "jobs": (1..<places.count).map { ["id": $0, "location": places[$0]] },
      "freightdesk": ["speed_kmh": 1e3 / 7.0, "detour_factor": 1],
    ]
    let coordinates = try VROOMProblemReader.read(
      Array(try JSONSerialization.data(withJSONObject: located)))
    // Places are numbered as read: the jobs' before the vehicle's start.
    #expect(coordinates.travel.coordinates == Array(places.dropFirst()) + [places[0]])
  }
}
