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
