#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H

#include <libpq-fe.h>

// The PG_DIAG_* field codes are char macros that Swift cannot import; re-export them.
static const int CLibPQ_DIAG_SEVERITY_NONLOCALIZED = 'V';
static const int CLibPQ_DIAG_SQLSTATE = 'C';
static const int CLibPQ_DIAG_MESSAGE_PRIMARY = 'M';
static const int CLibPQ_DIAG_MESSAGE_DETAIL = 'D';
static const int CLibPQ_DIAG_MESSAGE_HINT = 'H';
static const int CLibPQ_DIAG_SCHEMA_NAME = 's';
static const int CLibPQ_DIAG_TABLE_NAME = 't';
static const int CLibPQ_DIAG_COLUMN_NAME = 'c';
static const int CLibPQ_DIAG_CONSTRAINT_NAME = 'n';

#endif
