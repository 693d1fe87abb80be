#!/bin/sh
# make demo: zoneaudit's main jobs on the sample zone repository.
# Usage: sh Samples/demo.sh [path/to/zoneaudit]
set -u
ZA=${1:-.build/release/zoneaudit}
cd "$(dirname "$0")/.." || exit 2
S=Samples
# git does not keep file modes: the test-only private keys must not be world-readable.
chmod 600 $S/keys/*.private

failures=0
# run EXPECTED-EXIT DESCRIPTION COMMAND...: show the command and its report,
# and check it exits as the demo expects.
run() {
    expected=$1; shift
    title=$1; shift
    printf '\n\033[1m== %s\033[0m\n$ zoneaudit %s\n' "$title" "$*"
    "$ZA" "$@"
    status=$?
    if [ "$status" -ne "$expected" ]; then
        echo "demo: expected exit $expected, got $status" >&2
        failures=$((failures + 1))
    else
        echo "(exit $status, as expected)"
    fi
}

run 1 "1. Check zone files: example.com is clean, broken.example has planted errors" \
    check $S/zones/example.com.zone $S/zones/broken.example.zone

run 0 "2. Verify the approved baseline's seal: who approved it, and when" \
    baseline verify --trusted-keys $S/trusted-keys.zone $S/baselines/example.com.zone

run 1 "3. Audit what a secondary served (an AXFR dump) against the sealed baseline and the policy" \
    audit --baseline $S/baselines/example.com.zone --trusted-keys $S/trusted-keys.zone \
    --policy $S/policy.yml $S/dumps/example.com.axfr

run 0 "4. Validate the signed zone's DNSSEC chain from its trust anchor (signatures valid until 2040)" \
    dnssec verify --trust-anchor $S/trust-anchors.zone $S/zones/example.net.signed

if command -v ldns-verify-zone >/dev/null 2>&1; then
    printf '\n(ldns 1.8.3 misjudges the same zone after 2038:)\n$ ldns-verify-zone %s\n' "$S/zones/example.net.signed"
    ldns-verify-zone $S/zones/example.net.signed 2>&1 | tail -n 2
fi

run 0 "5. Audit the signed zone against its sealed baseline, with DNSSEC anchored in the baseline" \
    audit --baseline $S/baselines/example.net.zone --trusted-keys $S/trusted-keys.zone \
    --anchor-from-baseline --policy $S/policy.yml $S/zones/example.net.signed

printf '\n'
if [ "$failures" -ne 0 ]; then
    echo "demo: $failures step(s) did not behave as expected" >&2
    exit 1
fi
echo "demo: every step behaved as expected"
