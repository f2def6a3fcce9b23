#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include "CShim.h"

struct MHD_Daemon *fd_mhd_start(const fd_mhd_settings *s,
                                MHD_AcceptPolicyCallback accept_policy, void *accept_context,
                                MHD_AccessHandlerCallback handler, void *handler_context,
                                MHD_RequestCompletedCallback completed, void *completed_context) {
  struct MHD_OptionItem options[] = {
    { MHD_OPTION_NOTIFY_COMPLETED, (intptr_t) completed, completed_context },
    { MHD_OPTION_THREAD_POOL_SIZE, (intptr_t) s->thread_pool_size, NULL },
    { MHD_OPTION_CONNECTION_LIMIT, (intptr_t) s->connection_limit, NULL },
    { MHD_OPTION_PER_IP_CONNECTION_LIMIT, (intptr_t) s->per_ip_connection_limit, NULL },
    { MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t) s->connection_memory_limit_bytes, NULL },
    { MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t) s->connection_timeout_seconds, NULL },
    { MHD_OPTION_LISTEN_BACKLOG_SIZE, (intptr_t) s->listen_backlog, NULL },
    { MHD_OPTION_SOCK_ADDR, 0, (void *) s->bind_address },
    { MHD_OPTION_END, 0, NULL },
  };
  if (s->bind_address == NULL) {
    options[7].option = MHD_OPTION_END;
  }
  return MHD_start_daemon(s->flags, s->port, accept_policy, accept_context, handler,
                          handler_context,
                          MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

const struct sockaddr *fd_mhd_client_address(struct MHD_Connection *connection) {
  const union MHD_ConnectionInfo *info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  return info == NULL ? NULL : info->client_addr;
}

uint16_t fd_mhd_bound_port(struct MHD_Daemon *daemon) {
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
  return info == NULL ? 0 : info->port;
}

sqlite3_destructor_type fd_sqlite_transient(void) {
  return SQLITE_TRANSIENT;
}

int fd_sqlite_disable_memory_statistics(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

void fd_name_current_thread(const char *name) {
  char shortened[16];
  snprintf(shortened, sizeof shortened, "%s", name);
  pthread_setname_np(pthread_self(), shortened);
}

struct fd_wal_watch {
  _Atomic int frames;
  _Atomic int catch_up;
  _Atomic long writer_checkpoints;
  _Atomic long restarts;
  int frames_max;
};

fd_wal_watch *fd_wal_watch_create(int frames_max) {
  fd_wal_watch *watch = calloc(1, sizeof *watch);
  if (watch != NULL) watch->frames_max = frames_max;
  return watch;
}

void fd_wal_watch_destroy(fd_wal_watch *watch) {
  free(watch);
}

static int fd_wal_hook(void *context, sqlite3 *db, const char *name, int frames) {
  fd_wal_watch *watch = context;
  // Only this hook, on the writer's thread, stores the size.
  if (frames < atomic_load_explicit(&watch->frames, memory_order_relaxed)) {
    atomic_fetch_add_explicit(&watch->restarts, 1, memory_order_relaxed);
  }
  atomic_store_explicit(&watch->frames, frames, memory_order_relaxed);
  int catch_up = atomic_exchange_explicit(&watch->catch_up, 0, memory_order_relaxed);
  if (frames >= watch->frames_max || catch_up) {
    // Busy when the background pass is still running; the next commit tries again.
    if (sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL) == SQLITE_OK) {
      atomic_fetch_add_explicit(&watch->writer_checkpoints, 1, memory_order_relaxed);
    } else if (catch_up) {
      atomic_store_explicit(&watch->catch_up, 1, memory_order_relaxed);
    }
  }
  return SQLITE_OK;
}

void fd_wal_watch_attach(fd_wal_watch *watch, sqlite3 *db) {
  sqlite3_wal_hook(db, fd_wal_hook, watch);
}

int fd_wal_watch_frames(const fd_wal_watch *watch) {
  return atomic_load_explicit(&watch->frames, memory_order_relaxed);
}

void fd_wal_watch_request_catch_up(fd_wal_watch *watch) {
  atomic_store_explicit(&watch->catch_up, 1, memory_order_relaxed);
}

int fd_wal_watch_writer_due(const fd_wal_watch *watch) {
  return atomic_load_explicit(&watch->catch_up, memory_order_relaxed)
      || atomic_load_explicit(&watch->frames, memory_order_relaxed) >= watch->frames_max;
}

long fd_wal_watch_writer_checkpoints(const fd_wal_watch *watch) {
  return atomic_load_explicit(&watch->writer_checkpoints, memory_order_relaxed);
}

long fd_wal_watch_restarts(const fd_wal_watch *watch) {
  return atomic_load_explicit(&watch->restarts, memory_order_relaxed);
}
