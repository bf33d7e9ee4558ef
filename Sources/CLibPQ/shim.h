#ifndef SIGNAAL_CLIBPQ_SHIM_H
#define SIGNAAL_CLIBPQ_SHIM_H
// pkg-config supplies the include path where it is installed; Debian's libpq-dev also has the header under postgresql/.
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif
#endif
