public import FreightdeskCore

/// Why the schema cannot be brought up to date; each stops the application from starting.
public enum MigrationError: UserFacingError, Equatable {
  /// A migration that already ran was edited afterwards.
  case checksumMismatch(module: String, number: Int, name: String)
  /// Two migrations of one module share a number, or a module's numbers go backwards.
  case numberOutOfOrder(module: String, number: Int)
  /// The database holds a migration this build does not know: it is newer than the code.
  case unknownLanded(module: String, number: Int)

  /// The stable code.
  public var code: String {
    switch self {
    case .checksumMismatch: "migration_checksum_mismatch"
    case .numberOutOfOrder: "migration_number_out_of_order"
    case .unknownLanded: "migration_unknown_landed"
    }
  }

  /// The application cannot serve until an operator intervenes.
  public var kind: ErrorKind { .unavailable }

  /// The module and number at fault.
  public var arguments: [String: String] {
    switch self {
    case .checksumMismatch(let module, let number, let name):
      ["module": module, "number": String(number), "name": name]
    case .numberOutOfOrder(let module, let number), .unknownLanded(let module, let number):
      ["module": module, "number": String(number)]
    }
  }
}
