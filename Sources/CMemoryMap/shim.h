#ifndef ZONEAUDIT_CMEMORYMAP_SHIM_H
#define ZONEAUDIT_CMEMORYMAP_SHIM_H
// Linux's mremap, for the record table's byte arena: glibc declares it only
// under _GNU_SOURCE, and as a variadic function, which Swift cannot call.
// Static inline functions: nothing to link.
#include <stddef.h>

extern void *mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...);

// The Linux ABI's flag values (<linux/mman.h>).
#define ZONEAUDIT_MREMAP_MAYMOVE 1
#define ZONEAUDIT_MREMAP_FIXED 2

/// Grows (or shrinks) a mapping, moving it to other addresses if need be:
/// the kernel moves page table entries, never the bytes.
static inline void *zoneaudit_mremap_resize(void *old_address, size_t old_size, size_t new_size) {
    return mremap(old_address, old_size, new_size, ZONEAUDIT_MREMAP_MAYMOVE);
}

/// Moves `size` bytes of mapped pages to `target` (page-aligned), replacing
/// whatever was mapped there.
static inline void *zoneaudit_mremap_move(void *old_address, size_t size, void *target) {
    return mremap(old_address, size, size, ZONEAUDIT_MREMAP_MAYMOVE | ZONEAUDIT_MREMAP_FIXED, target);
}
#endif
