import CShim
import Foundation

/// Checkpoints SQLite's write-ahead log on a thread of its own, so that the writer thread,
/// which every write waits for, rarely stops for it.
///
/// A checkpoint copies the pages committed to the WAL into the database file and syncs both.
/// SQLite runs one by itself after the commit that takes the WAL past 1,000 pages, on the
/// committing connection. Under group commit that is the one writer thread: creating orders
/// over 64 connections, every tenth batch or so stopped there for about 500 page writes and a
/// sync of the database file, as long as a whole batch's work.
///
/// Here the writer's WAL hook (``fd_wal_watch``) notes the WAL's size after each commit, and
/// each time the WAL grew by `passFrames` pages this thread runs PASSIVE checkpoints on its
/// own connection, beside the writer, until it is a few pages behind. The WAL cannot start
/// over while pages committed after a pass remain uncopied, so once it is half its maximum
/// size the writer is asked to copy those few pages itself after its next commit; the write
/// after that starts the WAL from its beginning, and the file stays bounded. Should the
/// passes fall behind, the writer checkpoints by itself once the WAL holds `framesMax`
/// pages, as SQLite would.
///
/// Durability is unchanged: commits still sync the WAL (under `synchronous=FULL`), and every
/// checkpoint syncs the WAL before copying and the database file before the WAL can start
/// over, at this connection's `synchronous` level, which is the writer's.
///
/// The writer holds this object through ``writerCommitted()`` for as long as it can commit,
/// which keeps the watch its hook writes to alive.
final class WALCheckpointer: @unchecked Sendable {
  private let watch: OpaquePointer
  private let connection: SQLiteConnection
  private let passFrames: Int
  private let framesMax: Int
  private let condition = NSCondition()
  private let exited = DispatchSemaphore(value: 0)
  // Guarded by `condition`.
  private var passRequested = false
  private var closed = false
  private var passes = 0
  private var failures = 0
  // Touched only on the writer thread.
  private var framesAtLastRequest = 0

  /// Opens the checkpointer's own connection to `path`, installs the hook on the writer
  /// connection `writer` and starts the thread. A pass runs each time the WAL grew by
  /// `passFrames` pages; the writer checkpoints by itself at `framesMax`.
  init(
    path: String, writer: SQLiteConnection, options: DatabaseOptions, passFrames: Int,
    framesMax: Int
  ) throws {
    precondition(passFrames >= 1 && framesMax >= passFrames, "checkpoint sizes out of order")
    guard let watch = fd_wal_watch_create(Int32(clamping: framesMax)) else {
      throw DatabaseError.unavailable(reason: "out of memory")
    }
    do {
      connection = try SQLiteConnection(path: path, readOnly: false, options: options)
    } catch {
      fd_wal_watch_destroy(watch)
      throw error
    }
    self.watch = watch
    self.passFrames = passFrames
    self.framesMax = framesMax
    fd_wal_watch_attach(watch, writer.nativeHandle)
    let thread = Thread { [self] in
      fd_name_current_thread("sqlite-checkpt")
      serve()
      exited.signal()
    }
    thread.name = "sqlite-checkpoint"
    thread.start()
  }

  /// Called on the writer thread after each commit: asks for a pass when the WAL grew by
  /// `passFrames` pages since the last request.
  func writerCommitted() {
    let frames = Int(fd_wal_watch_frames(watch))
    // A smaller WAL than at the last request means it started over since.
    if frames < framesAtLastRequest { framesAtLastRequest = 0 }
    guard frames - framesAtLastRequest >= passFrames else { return }
    framesAtLastRequest = frames
    condition.lock()
    passRequested = true
    condition.signal()
    condition.unlock()
  }

  /// What happened so far, for tests (nothing reports it to operators yet): background passes
  /// run and failed, the checkpoints the writer ran itself (catch-ups after a pass, or at the
  /// WAL's maximum size), and how many times the WAL started over.
  var statistics: WALCheckpointStatistics {
    condition.lock()
    defer { condition.unlock() }
    return WALCheckpointStatistics(
      passes: passes, failures: failures,
      writerCheckpoints: fd_wal_watch_writer_checkpoints(watch),
      restarts: fd_wal_watch_restarts(watch))
  }

  /// Stops the thread after its current pass and closes its connection. The writer
  /// connection must close after this, and its hook keeps working until then.
  func close() {
    condition.lock()
    let wasClosed = closed
    closed = true
    condition.signal()
    condition.unlock()
    guard !wasClosed else { return }
    exited.wait()
    connection.close()
  }

  deinit { fd_wal_watch_destroy(watch) }

  /// Runs the requested passes. After a pass, another follows at once (a few at most) while
  /// the writer committed more than ``tailPages`` meanwhile, so that passes end close behind
  /// it; once the WAL is half its maximum, the writer is then asked to copy the rest itself.
  private func serve() {
    while waitForPassRequest() {
      var lastPass: Int?
      for _ in 0..<Self.passesPerRequestMax {
        // The writer's own checkpoint gives way to a pass; while it is due, passes wait.
        guard fd_wal_watch_writer_due(watch) == 0, let walFrames = passCopyingEverything()
        else { break }
        lastPass = walFrames
        let frames = Int(fd_wal_watch_frames(watch))
        // Smaller: the WAL started over meanwhile (the writer reached the maximum).
        if frames < walFrames || frames - walFrames <= Self.tailPages { break }
      }
      if let lastPass, lastPass >= framesMax / 2 { fd_wal_watch_request_catch_up(watch) }
    }
  }

  /// How many passes one request runs at most, so that the writer's own checkpoints (which
  /// give way while a pass runs) get their turn.
  private static let passesPerRequestMax = 4

  /// How many pages a pass may leave behind for the writer's own checkpoint.
  private static let tailPages = 64

  /// Runs one PASSIVE checkpoint; the WAL's size in pages when it copied all of it into the
  /// database file, nil otherwise (readers held some back, the writer was checkpointing, or
  /// it failed, which is counted).
  private func passCopyingEverything() -> Int? {
    var walFrames: Int32 = 0
    var copiedFrames: Int32 = 0
    let status = sqlite3_wal_checkpoint_v2(
      connection.nativeHandle, "main", SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copiedFrames)
    condition.lock()
    // Busy: the writer is checkpointing itself. A failure leaves the writer's own
    // checkpoints to bound the WAL.
    if status == SQLITE_OK { passes += 1 } else if status != SQLITE_BUSY { failures += 1 }
    let stop = closed
    condition.unlock()
    guard status == SQLITE_OK, walFrames > 0, copiedFrames == walFrames, !stop else { return nil }
    return Int(walFrames)
  }

  /// Sleeps until a pass is requested; false once closed.
  private func waitForPassRequest() -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while !passRequested && !closed { condition.wait() }
    passRequested = false
    return !closed
  }
}

/// What ``WALCheckpointer/statistics`` counts.
struct WALCheckpointStatistics {
  /// Background passes that ran.
  var passes: Int
  /// Background passes that failed (other than giving way to the writer).
  var failures: Int
  /// Checkpoints the writer ran itself.
  var writerCheckpoints: Int
  /// Times the WAL started over from its beginning.
  var restarts: Int
}
