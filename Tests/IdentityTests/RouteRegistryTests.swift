import Foundation
import FreightdeskCore
import Identity
import TestSupport
import Testing
import Web

/// Sweeps over every route in the registry, so a new route cannot forget its permission, leak
/// another company's data, or be reachable without signing in.
@Suite struct RouteRegistryTests {
  private static let signedInAreas = ["/api/v1", "/app", "/portal"]

  private func isSignedInArea(_ route: Route) -> Bool {
    let path = route.pattern.description
    return Self.signedInAreas.contains { path == $0 || path.hasPrefix($0 + "/") }
  }

  private func path(_ route: Route, id: String) -> String {
    route.pattern.segments.map { segment in
      switch segment {
      case .literal(let text): "/" + text
      case .parameter, .remainder: "/" + id
      }
    }.joined()
  }

  private func call(
    _ app: TestApp, _ route: Route, token: String?, id: String = "1"
  ) throws -> HTTPClient.Response {
    var headers = ["Content-Type": "application/json", "Accept-Language": "en"]
    if let token { headers["Authorization"] = "Bearer \(token)" }
    let body: [UInt8] = route.method.isUnsafe ? Array("{}".utf8) : []
    return try app.client.send(
      route.method.rawValue, path(route, id: id), headers: headers, body: body)
  }

  @Test func everySignedInRouteDeclaresARealPermission() throws {
    let app = try TestApp(.primary)
    for route in app.application.router.routes {
      #expect(!route.operation.permission.name.isEmpty)
      if isSignedInArea(route) {
        #expect(route.operation.permission != .public, "\(route.operation.id) is public")
      } else {
        #expect(
          route.operation.permission == .public,
          "\(route.operation.id) outside the signed-in areas cannot check \(route.operation.permission)"
        )
      }
    }
  }

  @Test func signedInRoutesRefuseAnonymousCallers() throws {
    let app = try TestApp(.primary)
    for route in app.application.router.routes where isSignedInArea(route) {
      let answer = try call(app, route, token: nil)
      if route.operation.style == .page && route.method == .get {
        #expect(answer.status == 303, "\(route.operation.id)")
        #expect(answer.headers["location"]?.hasPrefix("/login") == true, "\(route.operation.id)")
      } else {
        #expect(answer.status == 401, "\(route.operation.id) answered \(answer.status)")
      }
    }
  }

  @Test(arguments: Backend.allCases)
  func everyRoleGetsExactlyTheRoutesItsPermissionsAllow(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let roles = try app.identity.roles(company.tenant)
    for role in BuiltinRole.allCases {
      let granted = roles.first { $0.code == role.rawValue }?.permissions ?? []
      for route in app.application.router.routes where isSignedInArea(route) {
        let permission = route.operation.permission
        let path = route.pattern.description
        let wrongArea =
          (role == .customer && path.hasPrefix("/app"))
          || (role != .customer && path.hasPrefix("/portal"))
        let allowed = !wrongArea && (permission == .signedIn || granted.contains(permission))
        let answer = try call(app, route, token: company.tokens[role])
        #expect(
          (answer.status == 403) == !allowed,
          "\(role.rawValue) → \(route.method.rawValue) \(path): \(answer.status)")
      }
    }
  }

  @Test(arguments: Backend.allCases)
  func anotherCompanyNeverSeesACompanysData(backend: Backend) throws {
    let app = try TestApp(backend)
    let canary = "CANARY甲7Q"
    let victim = try app.makeCompany("victim", canary: canary)
    let intruder = try app.makeCompany("intruder")
    let victimIDs = victim.userIDs.values.map(\.description)
    for route in app.application.router.routes where isSignedInArea(route) {
      for id in victimIDs.prefix(3) {
        let answer = try call(app, route, token: intruder.tokens[.owner], id: id)
        #expect(
          !answer.text.contains(canary),
          "\(route.method.rawValue) \(route.pattern) leaked the victim's data")
        if route.pattern.parameterNames.contains("id") {
          #expect(
            answer.status >= 400,
            "\(route.method.rawValue) \(route.pattern) reached the victim's record")
        }
      }
    }
    let untouched = try app.identity.users(victim.tenant)
    #expect(untouched.allSatisfy { $0.active })
    #expect(untouched.count == BuiltinRole.allCases.count)
  }
}
