#include <sqlite3.h>

/* sqlite3_config is variadic, which Swift cannot call: memory statistics off (their global
   mutex is taken on every allocation; the program reads no statistics). */
static inline int zhurnal_sqlite3_config_no_memstatus(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
