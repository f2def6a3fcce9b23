import Foundation
public import FreightdeskCore

/// Where an inquiry (询价) stands in the sales pipeline.
public enum InquiryStage: String, Sendable, CaseIterable, Codable {
  /// Just received.
  case new
  /// Checked: a real shipment the company can serve.
  case qualified
  /// A quote was sent.
  case quoted
  /// The customer accepted.
  case won
  /// It came to nothing, for a recorded reason.
  case lost

  /// Whether no further step is possible.
  public var isClosed: Bool { self == .won || self == .lost }
}

/// What can happen to an inquiry.
public enum InquiryEvent: Hashable, Sendable {
  /// Sales checked it and will quote.
  case qualify
  /// A quote was made for it.
  case quote
  /// Its quote was accepted.
  case win
  /// It was lost, with the reason.
  case lose(reason: String)

  /// The event's stable name, as the API spells it.
  public var name: String {
    switch self {
    case .qualify: "qualify"
    case .quote: "quote"
    case .win: "win"
    case .lose: "lose"
    }
  }
}

/// An inquiry step that its stage does not allow (409).
public struct InquiryTransitionError: UserFacingError, Equatable {
  /// The stage it was in.
  public var stage: InquiryStage
  /// The step tried.
  public var event: String

  /// The error for `event` tried at `stage`.
  public init(stage: InquiryStage, event: String) {
    self.stage = stage
    self.event = event
  }

  /// Always `inquiry_transition_not_allowed`.
  public var code: String { "inquiry_transition_not_allowed" }
  /// A conflict with the inquiry's state.
  public var kind: ErrorKind { .conflict }
  /// The stage and the step.
  public var arguments: [String: String] { ["stage": stage.rawValue, "event": event] }
  /// The stage's and the step's names in the reader's language.
  public var argumentLabelKeys: [String: String] {
    ["stage": "inquiries.stage.\(stage.rawValue)", "event": "inquiries.step.\(event)"]
  }
}

/// The pipeline as a pure state machine: new → qualified → quoted → won, and lost (with a
/// reason) from any open stage. A quoted inquiry may be quoted again (a revised quote).
public struct InquiryPipeline: Hashable, Sendable {
  /// The current stage.
  public private(set) var stage: InquiryStage
  /// Why it was lost, once lost.
  public private(set) var lostReason: String?

  /// A pipeline at `stage`.
  public init(stage: InquiryStage = .new, lostReason: String? = nil) {
    self.stage = stage
    self.lostReason = lostReason
  }

  /// Applies `event`, or throws without changing anything.
  public mutating func apply(_ event: InquiryEvent) throws {
    switch (stage, event) {
    case (.new, .qualify): stage = .qualified
    case (.new, .quote), (.qualified, .quote), (.quoted, .quote): stage = .quoted
    case (.quoted, .win): stage = .won
    case (.new, .lose(let reason)), (.qualified, .lose(let reason)), (.quoted, .lose(let reason)):
      let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else { throw ValidationFailure(pointer: "/reason", code: "required") }
      stage = .lost
      lostReason = trimmed
    default:
      throw InquiryTransitionError(stage: stage, event: event.name)
    }
  }
}
