public import FreightdeskCore

/// Why a QR code could not be drawn.
public enum QRCodeError: UserFacingError, Equatable {
  /// There is no text to encode.
  case empty
  /// The text is longer than ``IdentityLimits/qrCodeTextBytesMax`` in UTF-8 bytes.
  case tooLong(bytesMax: Int)
  /// libzint refused the input or ran out of memory; its limits are above ours, so this is a
  /// fault in the system, not in the input.
  case encodingFailed

  /// `qr_code_text_empty`, `qr_code_text_too_long` or `qr_code_failed`.
  public var code: String {
    switch self {
    case .empty: "qr_code_text_empty"
    case .tooLong: "qr_code_text_too_long"
    case .encodingFailed: "qr_code_failed"
    }
  }

  /// The input's fault for empty or too long text; the system's for a failed encoding.
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
