#ifndef ZONEAUDIT_CPREFETCH_SHIM_H
#define ZONEAUDIT_CPREFETCH_SHIM_H
// A cache prefetch hint, which Swift has no way to spell. Inlined into the
// callers (a static inline function); it reads nothing and cannot fault.
static inline void zoneaudit_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}
#endif
