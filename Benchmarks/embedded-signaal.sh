# Sourced by the benchmarks that need a database: builds the release binary and starts `signaal serve` on a
# throwaway embedded PostgreSQL in a temporary folder, stopped and removed when the script exits.
# Sets: signaal (the binary), work (the temporary folder), port, serve (the daemon's pid), DATABASE_URL.
# Expects: port set by the caller.
swift build -c release --product signaal >/dev/null 2>&1
signaal=$PWD/.build/release/signaal
work=$(mktemp -d)
chmod 755 "$work"
LOG_LEVEL=${LOG_LEVEL:-warning} "$signaal" serve --data-dir "$work/data" --port "$port" --rate-limit 0 > "$work/serve.log" 2>&1 &
serve=$!
trap 'kill -INT $serve 2>/dev/null; wait $serve 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 1; done
export DATABASE_URL="host=$work/data/postgres/run user=postgres dbname=signaal"
