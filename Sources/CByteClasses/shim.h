#ifndef ZONEAUDIT_CBYTECLASSES_SHIM_H
#define ZONEAUDIT_CBYTECLASSES_SHIM_H
// The master-file lexer's byte classes for 64 bytes at once, as bit masks
// (bit i for byte i), which Swift has no portable way to spell: SSE2
// compares and movemask on x86-64 (where SSE2 is always present), a plain
// loop elsewhere. Static inline: nothing to link.
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef struct {
    /// Space or TAB.
    uint64_t blank;
    /// LF.
    uint64_t newline;
    /// '"'.
    uint64_t quote;
    /// A byte that ends or changes an unquoted token other than a blank,
    /// LF or '"': another byte up to 0x20 (CR and the control bytes), ';',
    /// '(', ')' and '\\'.
    uint64_t special;
} zoneaudit_byte_masks;

static inline zoneaudit_byte_masks zoneaudit_classify64(const uint8_t *bytes) {
    zoneaudit_byte_masks masks = {0, 0, 0, 0};
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20), tab = _mm_set1_epi8(0x09), feed = _mm_set1_epi8(0x0A);
    const __m128i semicolon = _mm_set1_epi8(';'), open = _mm_set1_epi8('('), close = _mm_set1_epi8(')');
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    for (int part = 0; part < 4; part++) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(bytes + 16 * part));
        const __m128i blank = _mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, tab));
        const __m128i newline = _mm_cmpeq_epi8(v, feed);
        // v <= 0x20, unsigned: min(v, 0x20) == v.
        const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, space), v);
        __m128i special = _mm_andnot_si128(_mm_or_si128(blank, newline), low);
        const __m128i quotes = _mm_cmpeq_epi8(v, quote);
        special = _mm_or_si128(special, _mm_cmpeq_epi8(v, semicolon));
        special = _mm_or_si128(special, _mm_or_si128(_mm_cmpeq_epi8(v, open), _mm_cmpeq_epi8(v, close)));
        special = _mm_or_si128(special, _mm_cmpeq_epi8(v, backslash));
        const int shift = 16 * part;
        masks.blank |= (uint64_t)(uint16_t)_mm_movemask_epi8(blank) << shift;
        masks.newline |= (uint64_t)(uint16_t)_mm_movemask_epi8(newline) << shift;
        masks.quote |= (uint64_t)(uint16_t)_mm_movemask_epi8(quotes) << shift;
        masks.special |= (uint64_t)(uint16_t)_mm_movemask_epi8(special) << shift;
    }
#else
    for (int index = 0; index < 64; index++) {
        const uint8_t byte = bytes[index];
        const uint64_t bit = (uint64_t)1 << index;
        if (byte == 0x20 || byte == 0x09) {
            masks.blank |= bit;
        } else if (byte == 0x0A) {
            masks.newline |= bit;
        } else if (byte == '"') {
            masks.quote |= bit;
        } else if (byte <= 0x20 || byte == ';' || byte == '(' || byte == ')' || byte == '\\') {
            masks.special |= bit;
        }
    }
#endif
    return masks;
}
#endif
