#ifndef ZONEAUDIT_CMALLOC_SHIM_H
#define ZONEAUDIT_CMALLOC_SHIM_H
// glibc's allocator tuning (mallopt), which the Glibc module leaves out.
// Only the zoneaudit executable imports this module, once, at startup.
#include <malloc.h>
#endif
