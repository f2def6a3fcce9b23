public import FreightdeskCore

/// What can go wrong with customers and their records, in words for the user.
public enum CRMError: UserFacingError, Equatable {
  /// No such customer in this company (or it was merged away).
  case customerNotFound
  /// No such contact of this customer.
  case contactNotFound
  /// No such address of this customer.
  case addressNotFound
  /// No such follow-up of this user.
  case followUpNotFound
  /// Someone changed the customer in the meantime.
  case staleVersion
  /// Customers that look like the one being created exist; the user may confirm.
  case possibleDuplicate(names: [String], ids: [Identifier])
  /// A customer cannot be merged into itself.
  case mergeIntoItself
  /// The platform segment code is taken.
  case segmentTaken(String)
  /// The customer already has this tag.
  case tagTaken(String)
  /// No such tag on this customer.
  case tagNotFound
  /// No customer carries this tag given by hand (automatic tags change with their rules).
  case manualTagNotFound(String)
  /// The list to export has more rows than one file may hold; narrow the filters.
  case exportTooLarge(rowsMax: Int)
  /// No such saved customer segment.
  case customerSegmentNotFound
  /// Another saved customer segment has this name.
  case customerSegmentNameTaken(String)
  /// No such campaign.
  case campaignNotFound
  /// The campaign was started already; its recipients are frozen.
  case campaignAlreadyStarted

  /// The stable code.
  public var code: String {
    switch self {
    case .customerNotFound: "customer_not_found"
    case .contactNotFound: "contact_not_found"
    case .addressNotFound: "address_not_found"
    case .followUpNotFound: "follow_up_not_found"
    case .staleVersion: "precondition_failed"
    case .possibleDuplicate: "possible_duplicate_customer"
    case .mergeIntoItself: "merge_into_itself"
    case .segmentTaken: "segment_code_taken"
    case .tagTaken: "tag_taken"
    case .tagNotFound: "tag_not_found"
    case .manualTagNotFound: "manual_tag_not_found"
    case .exportTooLarge: "customer_export_too_large"
    case .customerSegmentNotFound: "customer_segment_not_found"
    case .customerSegmentNameTaken: "customer_segment_name_taken"
    case .campaignNotFound: "campaign_not_found"
    case .campaignAlreadyStarted: "campaign_already_started"
    }
  }

  /// The kind, which decides the status.
  public var kind: ErrorKind {
    switch self {
    case .customerNotFound, .contactNotFound, .addressNotFound, .followUpNotFound, .tagNotFound,
      .manualTagNotFound, .customerSegmentNotFound, .campaignNotFound:
      .notFound
    case .staleVersion: .preconditionFailed
    case .possibleDuplicate, .segmentTaken, .tagTaken, .customerSegmentNameTaken,
      .campaignAlreadyStarted:
      .conflict
    case .mergeIntoItself, .exportTooLarge: .invalidInput
    }
  }

  /// Values the message quotes.
  public var arguments: [String: String] {
    switch self {
    case .possibleDuplicate(let names, let ids):
      ["names": names.joined(separator: "、"), "ids": ids.map(\.description).joined(separator: ",")]
    case .segmentTaken(let code): ["code": code]
    case .tagTaken(let tag), .manualTagNotFound(let tag): ["tag": tag]
    case .customerSegmentNameTaken(let name): ["name": name]
    case .exportTooLarge(let rowsMax): ["rows_max": String(rowsMax)]
    default: [:]
    }
  }
}
