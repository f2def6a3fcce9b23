public import CRM
public import Identity
public import Storage
public import Web

/// How to run Freightdesk: where the data lives and where to listen. The command line fills it
/// from flags and `FREIGHTDESK_*` environment variables.
public struct AppConfiguration: Sendable {
  /// `sqlite:PATH` or `postgres://…`.
  public var databaseURL: String
  /// Listening address and threads.
  public var server: ServerConfiguration
  /// Whether to write the JSON-lines access log.
  public var accessLog: Bool
  /// This app server's number among several sharing one database (0...1023), for identifiers.
  public var node: Int
  /// Database tuning (SQLite durability, pool sizes).
  public var databaseOptions: DatabaseOptions
  /// Sign-in settings (password hashing cost, session lifetimes); portal users are always
  /// tied to CRM's customers, whatever the caller passed.
  public var identity: IdentityConfiguration
  /// Where CRM reads customers' order history (automatic tags, segments, the 360° figures);
  /// nil means the orders module's. Tests put a fixed history in.
  public var customerHistory: (any CustomerHistorySource)?
  /// Where CRM reads customers' receivables and open orders (credit used on the 360° page);
  /// nil means the orders module's open orders (receivables count once finance exists).
  public var customerExposure: (any ExposureSource)?

  /// The defaults: SQLite under `./data`, `127.0.0.1:8080`, access log on, node 0.
  public init(
    databaseURL: String = "sqlite:data/freightdesk.sqlite",
    server: ServerConfiguration = ServerConfiguration(), accessLog: Bool = true, node: Int = 0,
    databaseOptions: DatabaseOptions = DatabaseOptions(),
    identity: IdentityConfiguration = IdentityConfiguration()
  ) {
    self.databaseURL = databaseURL
    self.server = server
    self.accessLog = accessLog
    self.node = node
    self.databaseOptions = databaseOptions
    self.identity = identity
    self.identity.customerAccounts = CRMCustomerAccounts()
  }
}
