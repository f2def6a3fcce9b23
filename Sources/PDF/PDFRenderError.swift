public import FreightdeskCore

/// Why a PDF could not be drawn.
public enum PDFRenderError: UserFacingError, Equatable {
  /// cairo reported an error: it ran out of memory, or was asked for a drawing it cannot make
  /// (a coordinate or size that is not a finite number). Its status text is kept for the log.
  case renderFailed(String)

  /// `pdf_render_failed`.
  public var code: String { "pdf_render_failed" }

  /// The system's fault: the documents we draw are made of finite numbers.
  public var kind: ErrorKind { .internalFailure }
}
