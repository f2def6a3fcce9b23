#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
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
