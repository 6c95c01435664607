#!/usr/bin/env bash
# Cold start of the demo server: from `server start` to the first `UP` of /health/ready, after the first run (keys,
# LTPA keys, certificate and database already exist). Not part of any build or test; see src/docs/benchmarks.md,
# "Cold start to /health/ready".
#
# Usage: src/benchmarks/cold-start.sh [-n RUNS] [-p HTTPS_PORT] [-w WLP_DIR] [SERVER ...]
#   SERVER  one or more Liberty servers under WLP_DIR/usr/servers (default: portcullis, the one `./mvnw -Pserve
#           package` runs). With several, every round starts each of them once in turn (A B A B ...), so that load
#           from elsewhere on the machine hits them alike; each gets one unmeasured start first (its first run).
#   -n      measured runs per server (default 5); -p the HTTPS port (default 9443); -w the Liberty install
#           (default target/liberty/wlp of the checkout)
# Prints one line per run and, per server, min/median/max of the total and of each phase read from messages.log:
#   jvm       script start -> CWWKE0001I (JVM and launcher up)
#   kernel    CWWKE0001I -> CWWKF0007I (OSGi kernel, configuration read; feature update starts)
#   features  CWWKF0007I -> CWWKZ0018I (features resolved and started, up to "Starting application")
#   app       CWWKZ0018I -> CWWKZ0001I (the EAR: annotation and CDI scanning, EJBs, JPA, Flyway, keys)
#     of which flyway  first Flyway line -> "Database schema is at version"
#              jpa+keys "Database schema is at version" -> "Installation ... started" (EclipseLink, signing keys)
#   ready     CWWKZ0001I -> first UP answer (servlet init, the first request)
set -euo pipefail

runs=5
port=9443
root=$(cd "$(dirname "$0")/../.." && pwd)
wlp="$root/target/liberty/wlp"
while getopts n:p:w: opt; do
    case $opt in
        n) runs=$OPTARG ;;
        p) port=$OPTARG ;;
        w) wlp=$OPTARG ;;
        *) sed -n '5,11p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
servers=("${@:-portcullis}")

export HTTPS_PORT=$port PORTCULLIS_ISSUER=https://localhost:$port
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

now_ms() { date +%s%3N; }

# One start: prints "total cpu jvm kernel features app flyway jpa_keys ready" in milliseconds.
start_once() {
    local server=$1 dir="$wlp/usr/servers/$1" t0 t_up pid
    rm -f "$dir/logs/messages.log"
    t0=$(now_ms)
    "$wlp/bin/server" run "$server" > "$out/console.log" 2>&1 &
    pid=$!
    until curl -sk --max-time 2 "https://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"status":"UP"'; do
        if ! kill -0 "$pid" 2>/dev/null; then echo "server $server exited; see $dir/logs" >&2; return 1; fi
        if (( $(now_ms) - t0 > 300000 )); then echo "server $server not ready in 300 s" >&2; return 1; fi
        sleep 0.05
    done
    t_up=$(now_ms)
    # CPU time (user + system) the server's JVM used up to here: unlike the elapsed time, it hardly depends on what
    # else the machine runs.
    local jvm cpu=0
    jvm=$(pgrep -f -- "-jar $wlp/bin/tools/ws-server.jar $server( |\$)" | head -1 || true)
    [[ -n "$jvm" ]] && cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$jvm/stat")
    "$wlp/bin/server" stop "$server" > /dev/null
    wait "$pid" || true
    # Liberty's timestamps: [12/7/26, 23:09:41:535 UTC]; converted to epoch milliseconds in the time zone UTC.
    TZ=UTC awk -v t0="$t0" -v tup="$t_up" -v cpu="$cpu" '
        function ms(line,   s, d, t, p) {
            s = substr(line, 2, index(line, " UTC]") - 2)      # 12/7/26, 23:09:41:535
            split(s, d, /[\/, :]+/)                             # m d y H M S ms
            t = mktime(sprintf("20%02d %02d %02d %02d %02d %02d", d[3], d[1], d[2], d[4], d[5], d[6]))
            return t * 1000 + d[7]
        }
        /CWWKE0001I/ && !e1 { e1 = ms($0) }
        /CWWKF0007I/ && !f7 { f7 = ms($0) }
        /CWWKZ0018I/ && !z18 { z18 = ms($0) }
        /CWWKZ0001I/ && !z1 { z1 = ms($0) }
        /\] [0-9a-f]+ org\.flywaydb/ && !fw { fw = ms($0) }
        /Database schema is at version/ && !sm { sm = ms($0) }
        /Installation .* started/ && !inst { inst = ms($0) }
        END {
            printf "%d %d %d %d %d %d %d %d %d\n", tup - t0, cpu, e1 - t0, f7 - e1, z18 - f7, z1 - z18,
                (fw && sm) ? sm - fw : -1, (sm && inst) ? inst - sm : -1, tup - z1
        }' "$dir/logs/messages.log"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

echo "cold start: ${servers[*]}, $runs run(s) each, port $port, nproc $(nproc), load average $(loadavg)"
for s in "${servers[@]}"; do
    [[ -d "$wlp/usr/servers/$s" ]] || { echo "no server $wlp/usr/servers/$s" >&2; exit 1; }
    echo "$s: first (unmeasured) start"
    start_once "$s" > /dev/null
done
for ((i = 1; i <= runs; i++)); do
    for s in "${servers[@]}"; do
        r=$(start_once "$s")
        echo "$r" >> "$out/$s.tsv"
        read -r total cpu jvm kernel features app flyway jpa ready <<< "$r"
        printf '%-24s run %d: %6.2f s, cpu %6.2f s  (jvm %.2f kernel %.2f features %.2f app %.2f [flyway %.2f jpa+keys %.2f] ready %.2f)  load %s\n' \
            "$s" "$i" "$(bc -l <<< "$total/1000")" "$(bc -l <<< "$cpu/1000")" "$(bc -l <<< "$jvm/1000")" "$(bc -l <<< "$kernel/1000")" \
            "$(bc -l <<< "$features/1000")" "$(bc -l <<< "$app/1000")" "$(bc -l <<< "$flyway/1000")" \
            "$(bc -l <<< "$jpa/1000")" "$(bc -l <<< "$ready/1000")" "$(loadavg)"
    done
done
echo "load average at the end: $(loadavg)"
printf '\n| server | phase | min s | median s | max s |\n|---|---|---:|---:|---:|\n'
for s in "${servers[@]}"; do
    [[ -s "$out/$s.tsv" ]] || continue
    col=1
    for phase in total cpu jvm kernel features app flyway jpa+keys ready; do
        cut -d' ' -f$col "$out/$s.tsv" | sort -n | awk -v s="$s" -v p="$phase" '
            { v[NR] = $1 / 1000 }
            END { printf "| %s | %s | %.2f | %.2f | %.2f |\n", s, p, v[1], (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[NR] }'
        col=$((col + 1))
    done
done
