#ifndef CSYSTEMD_SHIM_H
#define CSYSTEMD_SHIM_H

#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

// SD_LISTEN_FDS_START is a macro Swift cannot import.
static const int CSystemd_LISTEN_FDS_START = SD_LISTEN_FDS_START;

#endif
