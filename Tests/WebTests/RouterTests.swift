import Testing

@testable import Web

@Suite struct RouterTests {
  private func makeRouter() -> Router {
    let builder = RouterBuilder()
    let root = builder.root
    let operation = { (id: String) in
      Operation(id: id, summary: id, tag: "Test", permission: .public)
    }
    root.get("/orders", operation("listOrders")) { _, _ in .text("list", contentType: "text/plain")
    }
    root.get("/orders/{id}", operation("getOrder")) { _, context in
      .text("order \(context.parameters["id"] ?? "")", contentType: "text/plain")
    }
    root.post("/orders/{id}/events", operation("postEvent")) { _, _ in Response(status: 201) }
    root.get("/orders/export", operation("exportOrders")) { _, _ in
      .text("export", contentType: "text/plain")
    }
    root.get("/files/{path...}", operation("getFile")) { _, context in
      .text(context.parameters["path"] ?? "", contentType: "text/plain")
    }
    return builder.build()
  }

  @Test func literalRoutesWinOverParameterisedOnes() {
    guard case .found(let route, _) = makeRouter().match(.get, "/orders/export") else {
      Issue.record("no route matched")
      return
    }
    #expect(route.operation.id == "exportOrders")
  }

  @Test func doubledAndTrailingSlashesFindTheSameRoute() {
    let router = makeRouter()
    for path in ["/orders", "/orders/", "//orders", "/orders//", "orders"] {
      guard case .found(let route, _) = router.match(.get, path) else {
        Issue.record("no route matched \(path)")
        continue
      }
      #expect(route.operation.id == "listOrders", "\(path)")
    }
    for path in ["/orders//7", "/orders/7/"] {
      guard case .found(let route, let parameters) = router.match(.get, path) else {
        Issue.record("no route matched \(path)")
        continue
      }
      #expect(route.operation.id == "getOrder" && parameters["id"] == "7", "\(path)")
    }
    guard case .notFound = router.match(.get, "/") else {
      Issue.record("the root has no route here")
      return
    }
  }

  @Test func parametersAreCapturedByName() throws {
    guard case .found(_, let parameters) = makeRouter().match(.get, "/orders/42") else {
      Issue.record("no route matched")
      return
    }
    #expect(try parameters.require("id", as: Int64.self) == 42)
  }

  @Test func aParameterOfTheWrongTypeIsTheClientsMistake() {
    let parameters = PathParameters(["id": "abc"])
    #expect(throws: HTTPError.invalidPathParameter(name: "id")) {
      try parameters.require("id", as: Int64.self)
    }
  }

  @Test func aKnownPathWithAnotherMethodListsTheAllowedMethods() {
    guard case .methodNotAllowed(let allowed) = makeRouter().match(.delete, "/orders/7") else {
      Issue.record("expected 405")
      return
    }
    #expect(allowed == [.get, .head])
  }

  @Test func unknownPathsAreNotFound() {
    guard case .notFound = makeRouter().match(.get, "/nothing/here") else {
      Issue.record("expected 404")
      return
    }
  }

  @Test func headIsServedByGetRoutes() {
    guard case .found(let route, _) = makeRouter().match(.head, "/orders") else {
      Issue.record("no route matched")
      return
    }
    #expect(route.method == .get)
  }

  @Test func aRemainderSegmentCapturesTheRestOfThePath() {
    guard case .found(_, let parameters) = makeRouter().match(.get, "/files/css/app.css") else {
      Issue.record("no route matched")
      return
    }
    #expect(parameters["path"] == "css/app.css")
    guard case .notFound = makeRouter().match(.get, "/files") else {
      Issue.record("a remainder needs at least one segment")
      return
    }
  }

  @Test func groupMiddlewareWrapsOnlyItsGroupsRoutes() throws {
    struct Stamp: Middleware {
      func handle(
        _ request: Request, context: RequestContext,
        next: (Request, RequestContext) throws -> Response
      ) throws -> Response {
        var response = try next(request, context)
        response.headers.set("X-Stamp", "yes")
        return response
      }
    }
    let builder = RouterBuilder()
    let operation = Operation(id: "a", summary: "a", tag: "T", permission: .public)
    builder.root.group("/inside").adding(Stamp()).get("/a", operation) { _, _ in Response() }
    builder.root.get(
      "/outside", Operation(id: "b", summary: "b", tag: "T", permission: .public)
    ) { _, _ in Response() }
    let router = builder.build()
    let context = RequestContext(
      requestID: "r", clientAddress: "127.0.0.1", locale: .simplifiedChinese)
    guard case .found(let inside, _) = router.match(.get, "/inside/a"),
      case .found(let outside, _) = router.match(.get, "/outside")
    else {
      Issue.record("routes missing")
      return
    }
    #expect(
      try inside.handler(Request(method: .get, path: "/inside/a"), context).headers["X-Stamp"]
        == "yes")
    #expect(
      try outside.handler(Request(method: .get, path: "/outside"), context).headers["X-Stamp"]
        == nil)
  }
}
