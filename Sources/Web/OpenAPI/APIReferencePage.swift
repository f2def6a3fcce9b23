/// The API reference at `/api/docs`: every JSON operation of the route registry with its
/// permission, parameters and body fields, rendered by the server in the site's layout (no
/// script, no CDN), so integrators read the same contract that `/api/openapi.json` publishes.
enum APIReferencePage {
  static func render(
    router: Router, version: String, context: RequestContext, formToken: String
  ) throws -> String {
    let page = context.pageContext(path: "/api/docs", csrfToken: formToken)
    let localizer = page.localizer
    let routes = router.routes.filter { $0.operation.style == .api }
    let tags = routes.map(\.operation.tag).reduce(into: [String]()) { tags, tag in
      if !tags.contains(tag) { tags.append(tag) }
    }
    let sections = try tags.map { tag in
      (tag, try routes.filter { $0.operation.tag == tag }.map(operationCard))
    }
    return Layout.page(title: localizer("api_docs.title"), context: page) {
      HTML.h1(.class("h3", "mb-3")) { localizer("api_docs.title") }
      HTML.p(.class("text-body-secondary")) {
        localizer("api_docs.intro", ["version": version])
        HTML.text(" ")
        HTML.a(.href("/api/openapi.json")) { "openapi.json" }
      }
      if sections.isEmpty {
        HTML.p { localizer("api_docs.empty") }
      }
      for (tag, cards) in sections {
        HTML.section(.class("mb-4")) {
          HTML.h2(.class("h4", "border-bottom", "pb-1")) { tag }
          for card in cards { card }
        }
      }
    }.render()

    func operationCard(_ route: Route) throws -> HTML {
      let operation = route.operation
      let request = try operation.requestBody.map { try $0.schema() }
      let response = try operation.responseBody.map { try $0.schema() }
      return HTML.article(.class("card", "mb-3"), .id(operation.id)) {
        HTML.div(.class("card-header", "d-flex", "gap-2", "align-items-center")) {
          HTML.span(.class("badge", "text-bg-primary")) { route.method.rawValue }
          HTML.code { route.pattern.description }
          HTML.span(.class("ms-auto", "small", "text-body-secondary")) {
            localizer("api_docs.permission", ["permission": operation.permission.name])
          }
        }
        HTML.div(.class("card-body")) {
          HTML.p { operation.summary }
          if operation.honoursIdempotencyKey {
            HTML.p(.class("small")) { localizer("api_docs.idempotent") }
          }
          if operation.requiresIfMatch {
            HTML.p(.class("small")) { localizer("api_docs.if_match") }
          }
          if !operation.queryParameters.isEmpty {
            HTML.h3(.class("h6")) { localizer("api_docs.query") }
            HTML.ul {
              for parameter in operation.queryParameters {
                HTML.li {
                  HTML.code { parameter.name }
                  HTML.text(" — " + parameter.summary)
                }
              }
            }
          }
          if let request {
            HTML.h3(.class("h6")) { localizer("api_docs.request_body") }
            fieldTable(request, localizer: localizer)
          }
          if let response {
            HTML.h3(.class("h6")) {
              localizer("api_docs.response_body", ["status": String(operation.successStatus)])
            }
            fieldTable(response, localizer: localizer)
          }
          if let mediaType = operation.responseMediaType {
            HTML.p(.class("small")) {
              localizer(
                "api_docs.response_file",
                ["status": String(operation.successStatus), "media_type": mediaType])
            }
          }
        }
      }
    }
  }

  /// A table of the fields of an object schema, nested fields written `parent.child`.
  static func fieldTable(_ schema: JSONSchema, localizer: Localizer) -> HTML {
    HTML.table(.class("table", "table-sm")) {
      HTML.thead {
        HTML.tr {
          HTML.th { localizer("api_docs.field") }
          HTML.th { localizer("api_docs.type") }
          HTML.th { localizer("api_docs.required") }
        }
      }
      HTML.tbody {
        for (name, type, required) in rows(schema, prefix: "") {
          HTML.tr {
            HTML.td { HTML.code { name } }
            HTML.td { type }
            HTML.td { required ? localizer("api_docs.yes") : localizer("api_docs.no") }
          }
        }
      }
    }
  }

  static func rows(_ schema: JSONSchema, prefix: String) -> [(String, String, Bool)] {
    switch schema {
    case .object(let properties, _):
      return properties.flatMap { property in
        let name = prefix + property.name
        return [(name, typeName(property.schema), property.required)]
          + nested(property.schema, prefix: name)
      }
    case .array(let items):
      return rows(items, prefix: prefix)
    default:
      return []
    }
  }

  private static func nested(_ schema: JSONSchema, prefix: String) -> [(String, String, Bool)] {
    switch schema {
    case .object: rows(schema, prefix: prefix + ".")
    case .array(let items): rows(items, prefix: prefix + "[].")
    default: []
    }
  }

  static func typeName(_ schema: JSONSchema) -> String {
    switch schema {
    case .string(let values?): "string (" + values.joined(separator: " | ") + ")"
    case .string: "string"
    case .integer: "integer"
    case .number: "number"
    case .boolean: "boolean"
    case .array(let items): "array of " + typeName(items)
    case .object(_, let openKeys): openKeys ? "map" : "object"
    case .any: "any"
    }
  }
}
