import Foundation
public import Storage

/// The routes every Freightdesk server has, whatever modules it runs: health and readiness
/// for load balancers, metrics for Prometheus, static assets, the language switch, and the
/// API's own description.
public struct PlatformRoutes: Sendable {
  /// The database `/readyz` checks.
  public let database: any Database
  /// The metrics `/metrics` renders.
  public let metrics: Metrics
  /// The asset server behind `/assets/`.
  public let assets: StaticAssets
  /// The product version shown in OpenAPI and `/metrics`.
  public let version: String

  /// Creates the platform routes.
  public init(database: any Database, metrics: Metrics, assets: StaticAssets, version: String) {
    self.database = database
    self.metrics = metrics
    self.assets = assets
    self.version = version
  }

  /// Registers the routes on `root`. The OpenAPI document and the reference page are built
  /// from `registry` (the finished router), which is known only after every module registered,
  /// so they read it through `router()` on each request.
  public func register(
    on root: RouteGroup<RequestContext>, router: @escaping @Sendable () -> Router
  ) {
    registerHealth(on: root)
    root.get(
      "/assets/{path...}",
      Operation(
        id: "getAsset", summary: "A CSS, JavaScript or image file of the web UI",
        tag: "Platform", permission: .public, style: .plain)
    ) { [assets] request, context in
      guard let response = assets.response(for: context.parameters["path"] ?? "", request: request)
      else { throw HTTPError.notFound }
      return response
    }
    root.post(
      Layout.LanguageSwitchForm.path,
      Operation(
        id: "switchLanguage", summary: "Switch the interface language", tag: "Platform",
        permission: .public, style: .page, bodyBytesMax: 4096)
    ) { request, _ in try LanguagePreference.switchResponse(for: request) }
    registerAPIDescription(on: root, router: router)
  }

  private func registerHealth(on root: RouteGroup<RequestContext>) {
    root.get(
      "/healthz",
      Operation(
        id: "getHealth", summary: "Liveness: the process answers", tag: "Platform",
        permission: .public, style: .plain)
    ) { _, _ in .text("ok\n", contentType: "text/plain; charset=utf-8") }
    root.get(
      "/readyz",
      Operation(
        id: "getReadiness", summary: "Readiness: the database answers", tag: "Platform",
        permission: .public, style: .plain)
    ) { [database] _, _ in
      try database.checkHealth()
      return .text("ready\n", contentType: "text/plain; charset=utf-8")
    }
    root.get(
      "/metrics",
      Operation(
        id: "getMetrics", summary: "Prometheus metrics", tag: "Platform",
        permission: .public, style: .plain)
    ) { [metrics] _, _ in
      .text(metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
  }

  private func registerAPIDescription(
    on root: RouteGroup<RequestContext>, router: @escaping @Sendable () -> Router
  ) {
    let version = self.version
    let openAPI = ComputedOnce<(body: SharedBytes, tag: EntityTag)>()
    root.get(
      "/api/openapi.json",
      Operation(
        id: "getOpenAPI", summary: "This API's OpenAPI 3.1 description", tag: "Platform",
        permission: .public, style: .plain)
    ) { request, _ in
      let document = try openAPI.value {
        let text = try OpenAPIDocument.make(
          router: router(), title: "Freightdesk API", version: version
        ).serialized
        let bytes = Array(text.utf8)
        return (SharedBytes(bytes), EntityTag(hashing: bytes))
      }
      if EntityTag.isNotModified(request, current: document.tag) {
        return Response(status: 304, headers: ["ETag": document.tag.description])
      }
      var response = Response(headers: ["Content-Type": "application/json"])
      response.body = .shared(document.body)
      response.headers.set("ETag", document.tag.description)
      response.headers.set("Cache-Control", "no-cache")
      return response
    }
    root.get(
      "/api/docs",
      Operation(
        id: "getAPIReference", summary: "The API reference, readable in a browser",
        tag: "Platform", permission: .public, style: .page)
    ) { request, context in
      let formGuard = FormGuard.token(for: request)
      let page = try APIReferencePage.render(
        router: router(), version: version, context: context, formToken: formGuard.token)
      return Response.html(page).setting(cookie: formGuard.setCookie)
    }
  }
}
