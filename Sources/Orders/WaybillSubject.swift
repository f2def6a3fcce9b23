import Foundation
import FreightdeskCore

/// Everything a waybill or a label sheet shows besides the order itself: who the carrier is,
/// whose goods they are, and where the QR code leads.
struct WaybillSubject: Sendable, Equatable {
  /// The order.
  var order: Order
  /// The carrier: the company's registered name.
  var companyName: String
  /// The customer's name.
  var customerName: String
  /// The public tracking page for this waybill, pre-filled with the company code and number.
  var trackingLink: String
}

/// The link to the public tracking page `/track` that a waybill's QR code carries: the
/// company's sign-in code and the waybill number pre-fill the form, so whoever scans it types
/// only the last four digits of the consignee's phone, which the link never contains.
enum TrackingLink {
  /// The absolute link on the host the document was downloaded from (`X-Forwarded-Proto`
  /// names the scheme behind a proxy), or the bare path when the host is missing or odd.
  static func url(company: String, waybill: String, host: String?, forwardedProto: String?)
    -> String
  {
    let path = "/track?" + query(["company": company, "waybill": waybill])
    guard let host, isPlausibleHost(host) else { return path }
    let scheme = forwardedProto?.lowercased() == "https" ? "https" : "http"
    return "\(scheme)://\(host)\(path)"
  }

  /// `company=…&waybill=…`, each value percent-encoded.
  private static func query(_ values: [String: String]) -> String {
    let allowed = CharacterSet.alphanumerics.intersection(
      CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127))
    ).union(CharacterSet(charactersIn: "-._~"))
    return values.sorted { $0.key < $1.key }.map { key, value in
      "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
    }.joined(separator: "&")
  }

  /// A host name or address with an optional port, nothing else.
  private static func isPlausibleHost(_ host: String) -> Bool {
    !host.isEmpty && host.count <= 255
      && host.unicodeScalars.allSatisfy {
        $0.isASCII
          && (CharacterSet.alphanumerics.contains($0) || ".-:[]".unicodeScalars.contains($0))
      }
  }
}
