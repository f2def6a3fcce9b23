public import FreightdeskCore

/// What can go wrong signing up, signing in and managing users, in words for the user.
public enum IdentityError: UserFacingError, Equatable {
  /// The company code, account or password is wrong (deliberately not saying which).
  case wrongCredentials
  /// The two-factor code is wrong or was already used.
  case wrongTwoFactorCode
  /// Too many failed sign-ins; try again after `retryAfterSeconds`.
  case throttled(retryAfterSeconds: Int)
  /// No company for this tenant.
  case companyNotFound
  /// The company code is taken.
  case slugTaken(String)
  /// The account name is taken in this company.
  case loginTaken(String)
  /// No such user in this company.
  case userNotFound
  /// No such role in this company.
  case roleNotFound(String)
  /// Someone changed the record in the meantime.
  case staleVersion
  /// The user is deactivated.
  case userInactive
  /// An owner cannot remove the last active owner (the company would be unmanageable).
  case lastOwner
  /// The trial was already extended once; the operator extends it further.
  case trialAlreadyExtended
  /// The current password given to change it is wrong.
  case wrongCurrentPassword
  /// No such API token.
  case tokenNotFound

  /// The stable code.
  public var code: String {
    switch self {
    case .wrongCredentials: "wrong_credentials"
    case .wrongTwoFactorCode: "wrong_two_factor_code"
    case .throttled: "login_throttled"
    case .companyNotFound: "company_not_found"
    case .slugTaken: "company_code_taken"
    case .loginTaken: "login_taken"
    case .userNotFound: "user_not_found"
    case .roleNotFound: "role_not_found"
    case .staleVersion: "precondition_failed"
    case .userInactive: "user_inactive"
    case .lastOwner: "last_owner"
    case .trialAlreadyExtended: "trial_already_extended"
    case .wrongCurrentPassword: "wrong_current_password"
    case .tokenNotFound: "token_not_found"
    }
  }

  /// The kind, which decides the status.
  public var kind: ErrorKind {
    switch self {
    case .wrongCredentials, .wrongTwoFactorCode: .unauthenticated
    case .throttled: .rateLimited
    case .companyNotFound, .userNotFound, .roleNotFound, .tokenNotFound: .notFound
    case .slugTaken, .loginTaken, .lastOwner, .trialAlreadyExtended, .userInactive: .conflict
    case .staleVersion: .preconditionFailed
    case .wrongCurrentPassword: .invalidInput
    }
  }

  /// Values the message quotes.
  public var arguments: [String: String] {
    switch self {
    case .throttled(let seconds): ["retry_after": String(seconds)]
    case .slugTaken(let slug): ["code": slug]
    case .loginTaken(let login): ["login": login]
    case .roleNotFound(let role): ["role": role]
    default: [:]
    }
  }
}
