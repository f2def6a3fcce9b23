/// The limits of the PDF writer.
public enum PDFLimits {
  /// The longest text a barcode or QR code carries, in UTF-8 bytes: far above a waybill
  /// number or a tracking link, far below what makes a QR code too dense to scan on paper.
  public static let symbolTextBytesMax = 512
}
