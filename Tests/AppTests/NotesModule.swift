import App
import FreightdeskCore
import Glibc
import Storage
import Synchronization
import Web

/// A tiny resource that exists only in tests, to exercise the platform's API helpers over
/// real HTTP: idempotent creation, cursor pages, ETag-guarded updates, an event stream.
struct Note: Codable, Sendable, Equatable {
  var id: Identifier
  var text: String
  var version: Int64
}

struct NewNote: Codable, Sendable {
  var text: String
  var tags: [String]?
}

struct NoteChange: Codable, Sendable {
  var text: String
}

/// Subscribers to note creations, for the event-stream test.
final class NoteFeed: Sendable {
  private let streams = Mutex<[EventStream]>([])

  func subscribe() -> EventStream {
    let stream = EventStream()
    streams.withLock { $0.append(stream) }
    return stream
  }

  func publish(_ note: Note) {
    for stream in streams.withLock({ $0 }) {
      stream.send(event: "note", data: note.text, id: note.id.description)
    }
  }
}

/// The tenant every test request acts for until identity supplies one.
let testTenant = TenantID(Identifier(rawValue: 1))

func notesModule(feed: NoteFeed = NoteFeed(), gate: Gate = Gate()) -> AppModule {
  AppModule(
    name: "notes",
    migrations: [
      Migration(
        module: "notes", number: 1, name: "notes",
        sql: """
          CREATE TABLE notes (
            tenant_id BIGINT NOT NULL, id BIGINT NOT NULL, text TEXT NOT NULL,
            version BIGINT NOT NULL, PRIMARY KEY (tenant_id, id)
          );
          """)
    ],
    registerRoutes: { routes in
      registerNoteRoutes(
        routes.root.group("/api/v1/notes"), services: routes.services, feed: feed, gate: gate)
    })
}

private func operation(
  _ id: String, request: BodyType? = nil, response: BodyType? = nil, status: Int = 200,
  idempotent: Bool = false, ifMatch: Bool = false, style: Operation.Style = .api
) -> Operation {
  Operation(
    id: id, summary: "Notes: \(id)", tag: "Notes", permission: Permission("notes.manage"),
    style: style, requestBody: request, responseBody: response, successStatus: status,
    bodyBytesMax: 4096, honoursIdempotencyKey: idempotent, requiresIfMatch: ifMatch)
}

private func registerNoteRoutes(
  _ group: RouteGroup<RequestContext>, services: ModuleServices, feed: NoteFeed, gate: Gate
) {
  let database = services.database
  group.post(
    "",
    operation(
      "createNote", request: .of(NewNote.self), response: .of(Note.self), status: 201,
      idempotent: true)
  ) { request, _ in
    let input = try JSONBody.decode(NewNote.self, from: request)
    return try services.idempotency.perform(
      request, tenant: testTenant, principal: "tester", database: database
    ) { scope in
      if input.text == "wait" { gate.pass() }
      let note = Note(id: services.identifiers.next(), text: input.text, version: 1)
      try scope.execute(
        "INSERT INTO notes (tenant_id, id, text, version) VALUES ($1, $2, $3, $4)",
        [.integer(note.id.rawValue), .text(note.text), .integer(note.version)])
      feed.publish(note)
      return try JSONBody.response(note, status: 201)
    }
  }
  group.post(
    "/unique",
    operation(
      "createUniqueNote", request: .of(NewNote.self), response: .of(Note.self), status: 201,
      idempotent: true)
  ) { request, _ in
    let input = try JSONBody.decode(NewNote.self, from: request)
    return try services.idempotency.perform(
      request, tenant: testTenant, principal: "tester", database: database,
      prepare: { scope in
        gate.countPreparation()
        let taken = try scope.query(
          "SELECT id FROM notes WHERE tenant_id = $1 AND text = $2", [.text(input.text)])
        if !taken.isEmpty { throw ValidationFailure(pointer: "/text", code: "already_taken") }
        return input.text
      }
    ) { text, scope in
      let note = Note(id: services.identifiers.next(), text: text, version: 1)
      try scope.execute(
        "INSERT INTO notes (tenant_id, id, text, version) VALUES ($1, $2, $3, $4)",
        [.integer(note.id.rawValue), .text(note.text), .integer(note.version)])
      return try JSONBody.response(note, status: 201)
    }
  }
  group.get(
    "",
    Operation(
      id: "listNotes", summary: "Notes", tag: "Notes", permission: Permission("notes.manage"),
      responseBody: .of(Page<Note>.self),
      queryParameters: [.init("limit", "Page size", type: "integer"), .init("cursor", "Next page")])
  ) { request, _ in
    let page = try PageRequest(from: request)
    let after = try page.integerKey() ?? 0
    let notes = try database.read(for: testTenant) { scope in
      try scope.query(
        "SELECT id, text, version FROM notes WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        [.integer(after), .integer(Int64(page.limit + 1))]
      ).map { row in
        Note(
          id: try row.identifier("id"), text: try row.string("text"),
          version: try row.int64("version"))
      }
    }
    return try JSONBody.response(
      Page(fetched: notes, limit: page.limit) { Cursor(keys: [$0.id.description]) })
  }
  group.get("/stream", operation("streamNotes", style: .eventStream)) { _, _ in
    Response(status: 200, headers: [:], stream: feed.subscribe())
  }
  group.get("/{id}", operation("getNote", response: .of(Note.self))) { request, context in
    let note = try loadNote(try context.parameters.identifier("id"), database: database)
    let tag = EntityTag(String(note.version))
    if EntityTag.isNotModified(request, current: tag) {
      return Response(status: 304, headers: ["ETag": tag.description])
    }
    return try JSONBody.response(note, headers: ["ETag": tag.description])
  }
  group.on(
    .put, "/{id}",
    operation("updateNote", request: .of(NoteChange.self), response: .of(Note.self), ifMatch: true)
  ) { request, context in
    let change = try JSONBody.decode(NoteChange.self, from: request)
    let id = try context.parameters.identifier("id")
    let note = try database.write(for: testTenant) { scope in
      var note = try loadNote(id, scope: scope)
      try EntityTag.requireMatch(request, current: EntityTag(String(note.version)))
      note.text = change.text
      note.version += 1
      try scope.execute(
        "UPDATE notes SET text = $2, version = $3 WHERE tenant_id = $1 AND id = $4",
        [.text(note.text), .integer(note.version), .integer(id.rawValue)])
      return note
    }
    return try JSONBody.response(
      note, headers: ["ETag": EntityTag(String(note.version)).description])
  }
}

private func loadNote(_ id: Identifier, database: any Database) throws -> Note {
  try database.read(for: testTenant) { try loadNote(id, scope: $0) }
}

private func loadNote(_ id: Identifier, scope: TenantScope) throws -> Note {
  let rows = try scope.query(
    "SELECT id, text, version FROM notes WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)])
  guard let row = rows.first else { throw HTTPError.notFound }
  return Note(
    id: try row.identifier("id"), text: try row.string("text"), version: try row.int64("version"))
}

/// Lets a test hold a request inside its handler until the test releases it, and counts the
/// checks run before writes.
final class Gate: Sendable {
  private let entered = Mutex(false)
  private let released = Mutex(false)
  private let preparations = Mutex(0)

  func countPreparation() {
    preparations.withLock { $0 += 1 }
  }

  var preparationsCounted: Int {
    preparations.withLock { $0 }
  }

  func pass() {
    entered.withLock { $0 = true }
    while !released.withLock({ $0 }) { usleep(1000) }
  }

  func waitUntilEntered() {
    while !entered.withLock({ $0 }) { usleep(1000) }
  }

  func release() {
    released.withLock { $0 = true }
  }
}
