/// Whose password it is: names a guesser would try first, which the password must not contain.
public struct PasswordIdentity: Sendable, Equatable {
  /// Names shorter than this are not looked for, or almost every password would contain one.
  static let termCharactersMin = 3

  /// The login name (which may be an e-mail address).
  public var login: String
  /// The person's e-mail address, if any; its local part (before `@`) is what is looked for.
  public var email: String?
  /// The company's short name, e.g. `顺达物流` or `shunda`.
  public var companyShortName: String?

  /// Creates the context of one person's password.
  public init(login: String, email: String? = nil, companyShortName: String? = nil) {
    self.login = login
    self.email = email
    self.companyShortName = companyShortName
  }

  /// The names to look for, folded like the password (NFKC, lower case), each also without
  /// its separators (`zhang.wei` → `zhangwei`), none shorter than ``termCharactersMin``.
  var terms: Set<String> {
    let names = [login, localPart(of: login), email.map(localPart(of:)), companyShortName]
    var terms: Set<String> = []
    for case let name? in names {
      let folded = name.compatibilityNormalized.lowercased()
      let joined = String(folded.filter { $0.isLetter || $0.isNumber })
      terms.formUnion([folded, joined].filter { $0.count >= Self.termCharactersMin })
    }
    return terms
  }

  /// The part of an e-mail address before the last `@`, or the whole text when there is none.
  private func localPart(of address: String) -> String {
    guard let at = address.lastIndex(of: "@") else { return address }
    return String(address[..<at])
  }
}
