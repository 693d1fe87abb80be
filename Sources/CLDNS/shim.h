#ifndef ZONEAUDIT_CLDNS_SHIM_H
#define ZONEAUDIT_CLDNS_SHIM_H
// The whole ldns API. Only the LDNS Swift target imports this module.
#include <ldns/ldns.h>
#endif
