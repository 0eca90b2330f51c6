#!/bin/sh
# Builds Partnerkit and the load benchmark, loads the large demonstration
# into a fresh data folder (or a PostgreSQL database given as DB=postgres://…,
# which must be empty), starts the server, measures its cold start (time to
# the first /healthz 200), runs the bench and prints the table.
#
#   bench/run.sh                      # SQLite
#   DB=postgres://postgres@127.0.0.1:5432/pk_bench?sslmode=disable bench/run.sh
#   C=8 D=20s MIX=read,write bench/run.sh
#   ENCODING="br, gzip" bench/run.sh  # as browsers ask
set -eu
cd "$(dirname "$0")/.."
ADDR=${ADDR:-127.0.0.1:18080}
C=${C:-8}
D=${D:-10s}
MIX=${MIX:-read,write}
ENCODING=${ENCODING:-gzip}
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT INT TERM
go build -o "$WORK/partnerkit" ./cmd/partnerkit
go build -o "$WORK/bench" ./bench
DBFLAG="--data $WORK/data"
if [ -n "${DB:-}" ]; then DBFLAG="--data $WORK/data --db $DB"; fi
# shellcheck disable=SC2086
"$WORK/partnerkit" demo --size large $DBFLAG
start=$(date +%s%N)
# shellcheck disable=SC2086
"$WORK/partnerkit" serve --addr "$ADDR" --log-level warn $DBFLAG >"$WORK/server.log" 2>&1 &
SERVER=$!
until curl -fs "http://$ADDR/healthz" >/dev/null 2>&1; do
	kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
	sleep 0.01
done
end=$(date +%s%N)
echo "cold start to the first /healthz 200: $(( (end - start) / 1000000 )) ms"
"$WORK/bench" -base "http://$ADDR" -c "$C" -d "$D" -pid "$SERVER" -mix "$MIX" -encoding "$ENCODING"
