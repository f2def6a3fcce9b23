/// The limits of the PDF writer.
public enum PDFLimits {
  /// The longest text a barcode or QR code carries, in UTF-8 bytes: fits every QR
  /// error-correction level; a waybill number, a tracking link or an `otpauth://` URI needs a
  /// few hundred at most.
  public static let symbolTextBytesMax = 1_024
}
