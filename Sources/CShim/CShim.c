#define _GNU_SOURCE
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
    { MHD_OPTION_END, 0, NULL },
  };
  return MHD_start_daemon(s->flags, 0, accept_policy, accept_context, handler,
                          handler_context,
                          MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

int fd_accept_nonblocking(int listening, struct sockaddr *address, socklen_t *length) {
  return accept4(listening, address, length, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

const struct sockaddr *fd_mhd_client_address(struct MHD_Connection *connection) {
  const union MHD_ConnectionInfo *info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  return info == NULL ? NULL : info->client_addr;
}

sqlite3_destructor_type fd_sqlite_transient(void) {
  return SQLITE_TRANSIENT;
}

int fd_sqlite_disable_memory_statistics(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
