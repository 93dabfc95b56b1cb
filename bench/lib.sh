# Shared by the benchmark scripts: sourced, not run.
# Sets: JAVA (a JDK 21+), out (bench/out), jar (the built application jar, after build_jar).

java21() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    v=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
    [ "${v%%.*}" -ge 21 ] 2>/dev/null && { echo "$candidate/bin/java"; return; }
  done
  echo "no JDK 21+ found" >&2; exit 1
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }


# Builds the application jar unless BENCH_SKIP_BUILD=1 (bench/run builds it once for all benchmarks).
build_jar() {
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    echo "building the jar ..."
    ./mvnw -B -q -DskipTests package
  fi
  jar=$(ls target/zhengji-*.jar | grep -v original | head -n 1)
}

JAVA=$(java21)
out=bench/out; mkdir -p "$out"

# embedded_psql <data-dir> [psql args…]: psql as the embedded server's superuser on the platform's
# database. The embedded server takes no connection without a password (scram-sha-256); the first
# start wrote the generated passwords into <data-dir>/keys/database.properties.
embedded_psql() {
  local dir=$1; shift
  local port password
  port=$(sed -n 4p "$dir/postgres/postmaster.pid")
  password=$(sed -n 's/^superuser-password=//p' "$dir/keys/database.properties")
  PGPASSWORD=$password psql -h 127.0.0.1 -p "$port" -U postgres -d zhengji "$@"
}
