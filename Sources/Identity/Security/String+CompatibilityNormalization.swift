import Foundation

extension String {
  /// The text in Unicode NFKC, the form passwords are hashed and judged in and TOTP codes are
  /// read in, as NIST SP 800-63B recommends: the same password typed on another device or
  /// input method gives the same bytes, and full-width letters and digits (typed with a
  /// Chinese input method in full-width mode) fold into their ASCII forms. Changing this would
  /// lock out every stored password.
  var compatibilityNormalized: String {
    precomposedStringWithCompatibilityMapping
  }
}
