#!/usr/bin/env bash
# make bench: zoneaudit against its peers on the same files, as ratios.
#
# Zones come from the project's own generator (zonegen): about 10k, 100k and
# 1M records with delegations, glue and DS. Each command runs RUNS times (best
# wall time and its peak resident memory are kept). Environment:
#   BENCH_SIZES="10000 100000 1000000"   which zone sizes
#   BENCH_RUNS=3                          repetitions per command
#   BENCH_PARTS="parse diff dnssec cache" which tables to print
#   BENCH_DNSSEC="100000:ECDSAP256SHA256:nsec ..."  signed zones to verify
#   BENCH_CACHE="100000:ECDSAP256SHA256:nsec ..."   signed zones for --cache
set -uo pipefail
cd "$(dirname "$0")/../.."
ZA=${ZA:-.build/release/zoneaudit}
ZG=${ZG:-.build/release/zonegen}
DATA=${BENCH_DATA:-bench-data}
SIZES=${BENCH_SIZES:-"10000 100000 1000000"}
RUNS=${BENCH_RUNS:-3}
PARTS=${BENCH_PARTS:-"parse diff dnssec cache"}
# Assigned first, then split: a quoted default inside the loop's own
# expansion stays one word, and ran one case with a garbled name.
DNSSEC_CASES=${BENCH_DNSSEC:-"100000:ECDSAP256SHA256:nsec 100000:ECDSAP256SHA256:nsec3 100000:RSASHA256:nsec 1000000:ECDSAP256SHA256:nsec 1000000:ECDSAP256SHA256:nsec3"}
CACHE_CASES=${BENCH_CACHE:-"100000:ECDSAP256SHA256:nsec 1000000:ECDSAP256SHA256:nsec"}
mkdir -p "$DATA"

# measure NAME CMD...: prints "seconds kilobytes" of the best run.
measure() {
    local best="" bestmem="" out tmp
    tmp=$(mktemp)
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$tmp" "$@" >/dev/null 2>&1
        out=$(tail -n 1 "$tmp")
        local secs=${out% *} mem=${out#* }
        if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; bestmem=$mem; fi
    done
    rm -f "$tmp"
    echo "$best $bestmem"
}

row() { # tool seconds kb reference-seconds file-bytes
    local ratio mem_ratio
    ratio=$(awk "BEGIN{ if ($2 > 0) printf \"%.2f\", $4 / $2; else print \"-\" }")
    mem_ratio=$(awk "BEGIN{ printf \"%.2f\", ($3 * 1024) / $5 }")
    printf "  %-34s %8.2fs %9.1f MiB  %6sx  mem/file %s\n" "$1" "$2" "$(awk "BEGIN{print $3/1024}")" "$ratio" "$mem_ratio"
}

zone_file() { # size [mutate]
    local file="$DATA/zone-$1${2:+-mut}.zone"
    [ -s "$file" ] || "$ZG" --records "$1" ${2:+--mutate 0.01} --output "$file"
    echo "$file"
}

echo "zoneaudit $($ZA --version) on $(nproc) cores; runs=$RUNS; ratios are peer time / zoneaudit time"

if [[ " $PARTS " == *" parse "* ]]; then
    for size in $SIZES; do
        file=$(zone_file "$size")
        bytes=$(stat -c %s "$file")
        echo
        echo "check: $size records, $(awk "BEGIN{printf \"%.1f\", $bytes/1048576}") MiB ($file)"
        read -r za zamem < <(measure "$ZA" check --origin example.com. "$file")
        row "zoneaudit check" "$za" "$zamem" "$za" "$bytes"
        read -r t m < <(measure ldns-read-zone "$file"); row "ldns-read-zone" "$t" "$m" "$t" "$bytes"; echo "    zoneaudit is $(awk "BEGIN{printf \"%.1f\", $t/$za}")x faster than ldns-read-zone"
        read -r t m < <(measure kzonecheck -o example.com. "$file"); row "kzonecheck" "$t" "$m" "$t" "$bytes"; echo "    zoneaudit is $(awk "BEGIN{printf \"%.1f\", $t/$za}")x faster than kzonecheck"
        read -r t m < <(measure named-checkzone -i none -k ignore -n ignore -m ignore -M ignore -S ignore example.com "$file"); row "named-checkzone (no checks)" "$t" "$m" "$t" "$bytes"; echo "    zoneaudit is $(awk "BEGIN{printf \"%.1f\", $t/$za}")x faster than named-checkzone"
    done
fi

if [[ " $PARTS " == *" diff "* ]]; then
    size=${BENCH_DIFF_SIZE:-1000000}
    old=$(zone_file "$size"); new=$(zone_file "$size" mut)
    bytes=$(( $(stat -c %s "$old") + $(stat -c %s "$new") ))
    echo
    echo "diff: two $size-record zones differing in about 1% of RRsets"
    read -r za zamem < <(measure "$ZA" diff --format json --output /dev/null "$old" "$new")
    row "zoneaudit diff" "$za" "$zamem" "$za" "$bytes"
    read -r t m < <(measure ldns-compare-zones "$old" "$new"); row "ldns-compare-zones" "$t" "$m" "$t" "$bytes"
    echo "    zoneaudit is $(awk "BEGIN{printf \"%.1f\", $t/$za}")x faster than ldns-compare-zones; memory/(both files) $(awk "BEGIN{printf \"%.2f\", $zamem*1024/$bytes}")"
fi

sign() { # size algorithm denial -> signed file
    local size=$1 alg=$2 denial=$3 src signed keydir
    src=$(zone_file "$size")
    signed="$DATA/zone-$size-$alg-$denial.signed"
    if [ ! -s "$signed" ]; then
        keydir="$DATA/keys-$alg"
        mkdir -p "$keydir"
        if [ ! -s "$keydir/ksk" ]; then
            (cd "$keydir" && ldns-keygen -a "$alg" -k example.com > ksk && ldns-keygen -a "$alg" -b 2048 example.com > zsk) >/dev/null
        fi
        local extra=""
        [ "$denial" = nsec3 ] && extra="-n -s 0123456789abcdef -t 0"
        # Expire after 2038: shows the cases ldns 1.8.3 misjudges, for zoneaudit only.
        ldns-signzone $extra -i 20261101000000 -e 20370101000000 -f "$signed" "$src" "$keydir/$(cat "$keydir/ksk")" "$keydir/$(cat "$keydir/zsk")" >/dev/null
    fi
    echo "$signed"
}

verify_rate() { # algorithm -> openssl verifications per second on one core
    case "$1" in
        ECDSAP256SHA256) openssl speed -seconds 2 -mr ecdsap256 2>/dev/null | awk -F: '/^\+F4:/{print $5}';;
        RSASHA256) openssl speed -seconds 2 -mr rsa2048 2>/dev/null | awk -F: '/^\+F2:/{print $5}';;
    esac
}

floor() { # signed-file rate-before rate-after -> seconds
    # The rate is measured just before and just after zoneaudit's runs and
    # averaged: on shared machines it drifts by 20% within minutes.
    local rrsigs
    rrsigs=$(grep -c $'\tRRSIG\t' "$1")
    awk "BEGIN{ r = ($2 + $3) / 2; if (r > 0) printf \"%.2f\", $rrsigs / (r * $(nproc)); else print 0 }"
}

if [[ " $PARTS " == *" dnssec "* ]]; then
    for spec in $DNSSEC_CASES; do
        IFS=: read -r size alg denial <<<"$spec"
        signed=$(sign "$size" "$alg" "$denial")
        bytes=$(stat -c %s "$signed")
        echo
        echo "dnssec verify: $size records, $alg, $denial ($signed)"
        rate_before=$(verify_rate "$alg")
        read -r za zamem < <(measure "$ZA" dnssec verify --at 20261201000000 "$signed")
        rate_after=$(verify_rate "$alg")
        row "zoneaudit dnssec verify" "$za" "$zamem" "$za" "$bytes"
        f=$(floor "$signed" "$rate_before" "$rate_after")
        echo "    floor (RRSIGs / (openssl verify rate x cores)): ${f}s; zoneaudit is $(awk "BEGIN{ if ($f > 0) printf \"%.2f\", $za/$f; else print \"-\" }")x the floor"
        read -r t m < <(measure ldns-verify-zone -t 20261201000000 "$signed"); row "ldns-verify-zone" "$t" "$m" "$t" "$bytes"
        echo "    zoneaudit is $(awk "BEGIN{printf \"%.1f\", $t/$za}")x faster than ldns-verify-zone"
        read -r t m < <(measure dnssec-verify -o example.com -x "$signed"); row "dnssec-verify" "$t" "$m" "$t" "$bytes"
        read -r t m < <(measure kzonecheck -d on -t 20261201000000 -o example.com "$signed"); row "kzonecheck -d on" "$t" "$m" "$t" "$bytes"
    done
fi

# The verification cache (dnssec verify --cache): cold (empty cache, every
# signature verified and stored) against warm (every signature taken from
# the cache; the time checks, chains and ZONEMD still run), beside
# ldns-verify-zone on the same file.
if [[ " $PARTS " == *" cache "* ]]; then
    for spec in $CACHE_CASES; do
        IFS=: read -r size alg denial <<<"$spec"
        signed=$(sign "$size" "$alg" "$denial")
        bytes=$(stat -c %s "$signed")
        cache="$DATA/cache-$size-$alg-$denial.sqlite"
        echo
        echo "dnssec verify --cache: $size records, $alg, $denial ($signed)"
        # Cold: the cache is removed before every run (inside the measured
        # command, so each repetition starts empty; removing files costs nothing).
        read -r cold coldmem < <(measure bash -c 'rm -f "$1" "$1-wal" "$1-shm"; shift; exec "$@"' _ "$cache" \
            "$ZA" dnssec verify --at 20261201000000 --cache "$cache" "$signed")
        row "zoneaudit dnssec verify (cold cache)" "$cold" "$coldmem" "$cold" "$bytes"
        rm -f "$cache" "$cache-wal" "$cache-shm"
        "$ZA" dnssec verify --at 20261201000000 --cache "$cache" "$signed" 2>&1 >/dev/null | sed 's/^/    cold: /'
        read -r warm warmmem < <(measure "$ZA" dnssec verify --at 20261201000000 --cache "$cache" "$signed")
        row "zoneaudit dnssec verify (warm cache)" "$warm" "$warmmem" "$cold" "$bytes"
        "$ZA" dnssec verify --at 20261201000000 --cache "$cache" "$signed" 2>&1 >/dev/null | sed 's/^/    warm: /'
        echo "    cache file $(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$cache")/1048576}") MiB; warm is $(awk "BEGIN{printf \"%.1f\", $cold/$warm}")x faster than cold"
        read -r t m < <(measure ldns-verify-zone -t 20261201000000 "$signed"); row "ldns-verify-zone" "$t" "$m" "$t" "$bytes"
        echo "    ldns-verify-zone / zoneaudit: cold $(awk "BEGIN{printf \"%.1f\", $t/$cold}")x, warm $(awk "BEGIN{printf \"%.1f\", $t/$warm}")x"
    done
fi
