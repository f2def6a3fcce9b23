#pragma once
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>
#include <sqlite3.h>

/// Limits and sizing for one libmicrohttpd daemon; every field is passed as a daemon option.
typedef struct fd_mhd_settings {
  unsigned int flags;
  uint16_t port;
  const struct sockaddr *bind_address;
  unsigned int thread_pool_size;
  unsigned int connection_limit;
  unsigned int per_ip_connection_limit;
  size_t connection_memory_limit_bytes;
  unsigned int connection_timeout_seconds;
  unsigned int listen_backlog;
} fd_mhd_settings;

/// Starts a daemon: MHD_start_daemon is variadic, which Swift cannot call. `accept_policy`
/// decides per accepted connection whether it is served.
struct MHD_Daemon *fd_mhd_start(const fd_mhd_settings *settings,
                                MHD_AcceptPolicyCallback accept_policy, void *accept_context,
                                MHD_AccessHandlerCallback handler, void *handler_context,
                                MHD_RequestCompletedCallback completed, void *completed_context);

/// The client's socket address of a connection (MHD_get_connection_info is variadic).
const struct sockaddr *fd_mhd_client_address(struct MHD_Connection *connection);

/// The port a daemon listens on, useful when it was started on port 0.
uint16_t fd_mhd_bound_port(struct MHD_Daemon *daemon);

/// SQLITE_TRANSIENT: tells SQLite to copy a bound buffer (a macro Swift cannot import).
sqlite3_destructor_type fd_sqlite_transient(void);

/// Turns off SQLite's memory statistics before the library initializes (sqlite3_config is
/// variadic). The statistics take one process-wide mutex around every allocation, which the
/// writer and every reader thread then queue on; nothing here reads them. Returns SQLite's
/// status: SQLITE_MISUSE once the library is already initialized.
int fd_sqlite_disable_memory_statistics(void);

/// Names the calling thread for the system (`top -H`, /proc/PID/task/TID/comm): at most 15
/// bytes are kept. pthread_setname_np needs _GNU_SOURCE, which Swift's Glibc module lacks.
void fd_name_current_thread(const char *name);

/// What the SQLite writer's WAL hook shares with the background checkpointer: the WAL's size
/// after each commit, and whether the writer should checkpoint what is left after a
/// background pass. Opaque, since its fields are C11 atomics.
typedef struct fd_wal_watch fd_wal_watch;

/// A watch whose writer checkpoints by itself once the WAL holds `frames_max` frames, whatever
/// the background checkpointer does (the bound on the WAL's size). NULL when out of memory.
fd_wal_watch *fd_wal_watch_create(int frames_max);

/// Frees a watch; the connection it was attached to must be closed first.
void fd_wal_watch_destroy(fd_wal_watch *watch);

/// Makes `watch` the WAL hook of the writer connection `db`, in place of SQLite's automatic
/// checkpoint: after each commit it records the WAL's size, and checkpoints (PASSIVE, on the
/// writer's thread) when the size reached the maximum or a catch-up was requested.
void fd_wal_watch_attach(fd_wal_watch *watch, sqlite3 *db);

/// The WAL's size in frames after the writer's last commit.
int fd_wal_watch_frames(const fd_wal_watch *watch);

/// Asks the writer to checkpoint after its next commit: what was appended while a background
/// pass ran, so that everything is in the database file and the next write starts the WAL over.
void fd_wal_watch_request_catch_up(fd_wal_watch *watch);

/// Whether the writer is due to checkpoint itself after its next commit (a catch-up was
/// requested, or the WAL reached its maximum): background passes then wait, since the
/// writer's checkpoint gives way to a pass that is running.
int fd_wal_watch_writer_due(const fd_wal_watch *watch);

/// How many checkpoints the writer itself has run.
long fd_wal_watch_writer_checkpoints(const fd_wal_watch *watch);

/// How many times the WAL started over from its beginning (a commit left it smaller than the
/// one before).
long fd_wal_watch_restarts(const fd_wal_watch *watch);
