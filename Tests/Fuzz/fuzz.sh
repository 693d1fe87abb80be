#!/bin/sh
# make fuzz: runs the parser's libFuzzer target for FUZZ_SECONDS (default 600).
#
#   sh Tests/Fuzz/fuzz.sh [SECONDS]
#
# Builds Sources/ZoneParserFuzz with -sanitize=fuzzer,address into .build-fuzz,
# seeds a working corpus (fuzz-corpus/, git-ignored) from the test fixtures,
# the regression inputs and the shared conformance corpus, and runs libFuzzer.
# A crash, leak or timeout leaves its input in fuzz-corpus/artifacts/; copy it
# to Tests/ZoneParserTests/Fixtures/fuzz-regressions/ so FuzzRegressionTests
# replays it on every `make test`.
set -eu
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN=${1:-${FUZZ_SECONDS:-600}}
swift build -c release --product zoneaudit-fuzz --build-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
mkdir -p fuzz-corpus/inputs fuzz-corpus/artifacts
cp Tests/ZoneParserTests/Fixtures/axfr/* fuzz-corpus/inputs/ 2>/dev/null || true
cp Tests/ZoneParserTests/Fixtures/fuzz-regressions/* fuzz-corpus/inputs/ 2>/dev/null || true
if [ -d ../shared/corpus ]; then
    for f in ../shared/corpus/knot/tests/libzscanner/data/*.in \
             ../shared/corpus/isc-bind9/bin/tests/system/checkzone/zones/*generate*.db \
             ../shared/corpus/nlnetlabs-ldns/test/*/*.db; do
        [ -f "$f" ] && [ "$(wc -c < "$f")" -lt 20000 ] && cp "$f" "fuzz-corpus/inputs/$(basename "$(dirname "$f")")-$(basename "$f")"
    done
fi
exec .build-fuzz/release/zoneaudit-fuzz -dict=Tests/Fuzz/zone.dict -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -max_total_time="$SECONDS_TO_RUN" -print_final_stats=1 \
    -artifact_prefix=fuzz-corpus/artifacts/ fuzz-corpus/inputs
