#!/bin/sh
# make demo: zoneaudit's main jobs on the sample zone repository: check,
# seal verification, audits, DNSSEC, the CI gate and the cron run.
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

# The repository workflows run on a scratch copy of Samples/ made into a git
# repository, so that the demo never changes the checked-out samples.
work=$(mktemp -d "${TMPDIR:-/tmp}/zoneaudit-demo.XXXXXX")
nsd_pid=""
cleanup() {
    [ -n "$nsd_pid" ] && kill "$nsd_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT INT TERM
ZA=$(cd "$(dirname "$ZA")" && pwd)/$(basename "$ZA")
repo=$work/repo
cp -R $S "$repo"
rm -rf "$repo/reports" "$repo/.zoneaudit"
cd "$repo" || exit 2
git init -q -b main . && git add -A
git -c user.name=demo -c user.email=demo@example.invalid commit -q -m "Approved zones"
git checkout -q -b change-ns

# An unapproved change: example.com's second name server moves to a host the policy does not know.
sed -i 's/^                IN  NS    ns2.example.net./                IN  NS    ns2.examp1e.net./' zones/example.com.zone
sed -i 's/2026112901 ; serial/2026112902 ; serial/' zones/example.com.zone
git -c user.name=demo -c user.email=demo@example.invalid commit -q -am "Move ns2 (not approved)"

run 1 "6. CI gate on the commit: an NS change nobody approved fails (GitHub annotations with GITHUB_ACTIONS=true)" \
    gate --base main --summary "$work/summary.md"

"$ZA" baseline seal --zone example.com. --force --key keys/Ktest-approver.example.+015+57455 >/dev/null &&
    git -c user.name=demo -c user.email=demo@example.invalid commit -q -am "Approve the ns2 move (sealed baseline)"
run 0 "7. The same change with a baseline sealed by a trusted approver passes the gate" \
    gate --base main

# The cron job against a live server: NSD on 127.0.0.1 serves the tampered copy of example.com.
if command -v nsd >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
    git checkout -q main
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    mkdir -p "$work/nsd"
    cp served/example.com.zone "$work/nsd/example.com.zone"
    cat > "$work/nsd/nsd.conf" <<EOF2
server:
    ip-address: 127.0.0.1
    port: $port
    zonesdir: "$work/nsd"
    pidfile: "$work/nsd/nsd.pid"
    xfrdfile: "$work/nsd/xfrd.state"
    zonelistfile: "$work/nsd/zone.list"
    database: ""
    username: ""
    chroot: ""
    logfile: "$work/nsd/nsd.log"
    server-count: 1
    do-ip6: no
remote-control:
    control-enable: no
zone:
    name: "example.com."
    zonefile: "example.com.zone"
    provide-xfr: 127.0.0.1 NOKEY
EOF2
    nsd -d -c "$work/nsd/nsd.conf" >/dev/null 2>&1 &
    nsd_pid=$!
    sed -i "s|    # servers: .*|    servers: [\"127.0.0.1:$port\"]|" zoneaudit.yml
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
        "$ZA" axfr --timeout 1 "127.0.0.1:$port" example.com. >/dev/null 2>&1 && break
        sleep 0.5
    done
    run 1 "8. The cron run: example.com transferred from the live server, every finding new" run
    run 1 "9. The next cron run: the same findings are ongoing" run
    printf '\n$ ls reports/\n'
    ls reports
    printf '\n$ head -n 12 reports/example.com.txt\n'
    head -n 12 reports/example.com.txt
else
    echo "(nsd is not installed: the live cron-run steps are skipped; make deps installs it)"
fi
cd - >/dev/null || exit 2

printf '\n'
if [ "$failures" -ne 0 ]; then
    echo "demo: $failures step(s) did not behave as expected" >&2
    exit 1
fi
echo "demo: every step behaved as expected"
