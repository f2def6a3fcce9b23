public import FreightdeskCore

/// Why a barcode or QR code could not be made (for a PDF, or for the SVG QR code of the
/// two-factor setup page).
public enum PDFSymbolError: UserFacingError, Equatable {
  /// There is no text to encode.
  case empty
  /// The text is longer than ``PDFLimits/symbolTextBytesMax`` in UTF-8 bytes.
  case tooLong(bytesMax: Int)
  /// libzint refused the input (e.g. characters Code 128 cannot carry) or ran out of memory.
  case encodingFailed

  /// `barcode_text_empty`, `barcode_text_too_long` or `barcode_failed`.
  public var code: String {
    switch self {
    case .empty: "barcode_text_empty"
    case .tooLong: "barcode_text_too_long"
    case .encodingFailed: "barcode_failed"
    }
  }

  /// The input's fault for empty or too long text; the system's for a failed encoding (the
  /// texts we encode, waybill numbers and links, are always encodable).
  public var kind: ErrorKind {
    switch self {
    case .empty, .tooLong: .invalidInput
    case .encodingFailed: .internalFailure
    }
  }

  /// `max` (bytes) for text that is too long.
  public var arguments: [String: String] {
    switch self {
    case .tooLong(let bytesMax): ["max": String(bytesMax)]
    case .empty, .encodingFailed: [:]
    }
  }
}
