import App
import Foundation
import FreightdeskCore
import Identity
import Storage
import Web

/// Opens the application (not serving) for a command that changes data, and closes it after.
func withApplication<T>(
  _ options: CommandLineOptions, _ body: (Application, IdentityService) throws -> T
)
  throws -> T
{
  let url = try DatabaseOption.url(options)
  try DatabaseOption.prepareDirectory(for: url)
  let application = try Application(configuration: AppConfiguration(databaseURL: url))
  defer { application.database.close() }
  try application.prepareSchema()
  let service = IdentityService(
    services: application.services, configuration: application.configuration.identity)
  return try body(application, service)
}

/// The tenant a `--tenant CODE` option names.
func tenant(_ options: CommandLineOptions, _ service: IdentityService) throws -> TenantID {
  guard let slug = options.value("tenant") else { throw UsageError("--tenant CODE is required") }
  guard let company = try service.company(slug: slug) else {
    throw UsageError("no company with the code \(slug)")
  }
  return company.tenant
}

/// A password from `--password`, or a generated one that is printed.
func passwordOption(_ options: CommandLineOptions) -> (password: String, generated: Bool) {
  if let given = options.value("password") { return (given, false) }
  return ("fd-" + SecretToken.generate().prefix(12).filter { $0.isLetter || $0.isNumber }, true)
}

/// `freightdesk tenant create|extend`.
let tenantCommand = Command(
  name: "tenant", summary: "Create a company or extend its trial",
  usage: """
    Usage: freightdesk tenant create --slug CODE --name NAME --owner-login LOGIN
                                     --owner-name NAME [--owner-password P] [--no-trial]
           freightdesk tenant extend --tenant CODE --days N

    create: a company with its built-in roles and first owner (a 15-day trial unless
            --no-trial); prints the owner's password when it was generated.
    extend: adds N days to the company's trial (from today if it already ended).
    \(DatabaseOption.usage)
    """
) { arguments in
  guard let action = arguments.first else { throw UsageError("say create or extend") }
  let options = try CommandLineOptions(
    Array(arguments.dropFirst()),
    valued: [
      "database", "slug", "name", "owner-login", "owner-name", "owner-password", "tenant", "days",
    ],
    switches: ["no-trial"])
  return try withApplication(options) { _, service in
    switch action {
    case "create":
      let password = options.value("owner-password") ?? passwordOption(options).password
      let (company, owner) = try service.register(
        Registration(
          slug: options.value("slug") ?? "", companyName: options.value("name") ?? "",
          ownerLogin: options.value("owner-login") ?? "",
          ownerName: options.value("owner-name") ?? "", ownerPassword: password),
        trial: !options.has("no-trial"), audit: AuditContext.system("cli", log: service.auditLog))
      print("Created \(company.name) (code \(company.slug)); owner \(owner.login)")
      if options.value("owner-password") == nil { print("Owner password: \(password)") }
    case "extend":
      guard let days = options.value("days").flatMap(Int.init) else {
        throw UsageError("--days N is required")
      }
      let company = try service.extendTrial(
        try tenant(options, service), days: days,
        audit: AuditContext.system("cli", log: service.auditLog))
      let left = company.trialDaysLeft(at: SystemClock().now()) ?? 0
      print("The trial of \(company.slug) now has \(left) days left.")
    default:
      throw UsageError("unknown action \(action); say create or extend")
    }
    return 0
  }
}

/// `freightdesk user add|reset-password`.
let userCommand = Command(
  name: "user", summary: "Add a user or reset a password",
  usage: """
    Usage: freightdesk user add --tenant CODE --login LOGIN --name NAME --role ROLE
                                [--role ROLE ...] [--email E] [--password P]
           freightdesk user reset-password --tenant CODE --login LOGIN [--password P]

    A generated password is printed once. Resetting ends the user's sessions.
    Roles: \(BuiltinRole.allCases.map(\.rawValue).joined(separator: ", ")), or a company role.
    \(DatabaseOption.usage)
    """
) { arguments in
  guard let action = arguments.first else { throw UsageError("say add or reset-password") }
  let rest = Array(arguments.dropFirst())
  let roles = zip(rest, rest.dropFirst()).filter { $0.0 == "--role" }.map(\.1)
  let withoutRoles = rest.enumerated().filter { index, word in
    !(word == "--role" || (index > 0 && rest[index - 1] == "--role"))
  }.map(\.element)
  let options = try CommandLineOptions(
    withoutRoles, valued: ["database", "tenant", "login", "name", "email", "password"],
    switches: [])
  return try withApplication(options) { _, service in
    let tenant = try tenant(options, service)
    let audit = AuditContext.system("cli", log: service.auditLog)
    let (password, generated) = passwordOption(options)
    switch action {
    case "add":
      let user = try service.createUser(
        NewUser(
          login: options.value("login") ?? "", displayName: options.value("name") ?? "",
          email: options.value("email"), password: password, roles: roles),
        in: tenant, audit: audit)
      print("Added \(user.login) (\(user.roles.joined(separator: ", ")))")
    case "reset-password":
      guard let login = options.value("login"),
        let user = try service.users(tenant).first(where: { $0.login == login.lowercased() })
      else { throw UsageError("no such user; give --login") }
      try service.resetPassword(of: user.id, to: password, in: tenant, audit: audit)
      print("The password of \(user.login) is reset; their sessions have ended.")
    default:
      throw UsageError("unknown action \(action); say add or reset-password")
    }
    if generated { print("Password: \(password)") }
    return 0
  }
}

/// `freightdesk token create`.
let tokenCommand = Command(
  name: "token", summary: "Create an API token for a user",
  usage: """
    Usage: freightdesk token create --tenant CODE --user LOGIN [--scopes P1,P2] [--name NAME]
                                    [--days N]

    Prints the token once; it acts as the user, limited to the scopes (permission names)
    when given.
    \(DatabaseOption.usage)
    """
) { arguments in
  guard arguments.first == "create" else { throw UsageError("say create") }
  let options = try CommandLineOptions(
    Array(arguments.dropFirst()), valued: ["database", "tenant", "user", "scopes", "name", "days"],
    switches: [])
  return try withApplication(options) { _, service in
    let tenant = try tenant(options, service)
    guard let login = options.value("user"),
      let user = try service.users(tenant).first(where: { $0.login == login.lowercased() })
    else { throw UsageError("no such user; give --user LOGIN") }
    let scopes = options.value("scopes")?.split(separator: ",").map(String.init) ?? []
    let created = try service.createToken(
      for: user.id, name: options.value("name") ?? "cli", scopes: scopes,
      days: options.value("days").flatMap(Int.init), in: tenant,
      audit: AuditContext.system("cli", log: service.auditLog))
    print("API token: \(created.token)")
    return 0
  }
}

/// `freightdesk demo`.
let demoCommand = Command(
  name: "demo", summary: "Create the demo company and print its logins",
  usage: """
    Usage: freightdesk demo [--database URL]

    Creates 「示例物流有限公司」 (company code demo) with one user per role, an API token for
    the owner and every module's demo data (customers, contacts, follow-ups, ...), and prints
    the logins. Refuses when the demo company exists.
    \(DatabaseOption.usage)
    """
) { arguments in
  let options = try CommandLineOptions(arguments, valued: ["database"], switches: [])
  return try withApplication(options) { application, service in
    printDemo(try application.createDemo())
    return 0
  }
}

/// Prints the demo company's logins, with the API token on a line of its own.
func printDemo(_ demo: DemoCompany) {
  print("Demo company: \(demo.company.name) — company code \(demo.company.slug)")
  for (login, role) in demo.logins {
    print("  \(login.padding(toLength: 12, withPad: " ", startingAt: 0)) \(role.rawValue)")
  }
  print("Password for every demo user: \(demo.password)")
  print("API token: \(demo.apiToken)")
  fflush(nil)
}

/// `freightdesk audit verify`.
let auditCommand = Command(
  name: "audit", summary: "Verify the audit trail's hash chain",
  usage: """
    Usage: freightdesk audit verify [--database URL]

    Recomputes every company's audit chain; exit 0 when intact, 1 when an entry was altered,
    removed or reordered (the first break per company is listed).
    \(DatabaseOption.usage)
    """
) { arguments in
  guard arguments.first == "verify" else { throw UsageError("say verify") }
  let options = try CommandLineOptions(
    Array(arguments.dropFirst()), valued: ["database"], switches: [])
  let database = try openDatabase(url: try DatabaseOption.url(options))
  defer { database.close() }
  let verification = try AuditLog.verify(database: database)
  print(verification.summary)
  return verification.isIntact ? 0 : 1
}

/// `freightdesk jobs`.
let jobsCommand = Command(
  name: "jobs", summary: "Show a company's recent jobs and their progress",
  usage: """
    Usage: freightdesk jobs --tenant CODE [--database URL]

    Lists the company's most recent long-running jobs (imports, optimisations, reports),
    newest first, with their status and progress.
    \(DatabaseOption.usage)
    """
) { arguments in
  let options = try CommandLineOptions(arguments, valued: ["database", "tenant"], switches: [])
  return try withApplication(options) { application, service in
    let tenant = try tenant(options, service)
    let recent = try application.database.read(for: tenant) {
      try application.services.jobs.recent(limit: 50, in: $0)
    }
    if recent.isEmpty { print("No jobs yet.") }
    for job in recent {
      let percent = job.fraction.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
      let bar = String(repeating: "█", count: Int(((job.fraction ?? 0) * 20).rounded()))
        .padding(toLength: 20, withPad: "░", startingAt: 0)
      print(
        "\(job.id)  \(job.kind)  \(job.status.rawValue)  \(bar) \(percent)  \(job.lastError ?? job.message)"
      )
    }
    return 0
  }
}
