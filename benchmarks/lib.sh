# Sourced by the benchmark scripts: builds what is missing, then defines bench_java.
set -eu
BENCH_DIR=${BENCH_DIR:-$(cd "$(dirname "$0")" && pwd)}
ROOT=$(dirname "$BENCH_DIR")
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
# What the build makes: the drivers' class path, the realistic function's libraries, the probes.
if [ ! -f "$BENCH_DIR/target/classpath.txt" ] || [ ! -f "$BENCH_DIR/target/realistic-function/lib.txt" ] ||
  [ ! -d "$BENCH_DIR/target/probe-classes" ] || [ "${BENCH_REBUILD:-false}" = true ]; then
  [ -d "$ROOT/node_modules" ] || (cd "$ROOT" && npm ci)
  (cd "$ROOT" && ./mvnw -B -q -pl benchmarks -am package -DskipTests)
fi
# Built once: the scripts this one starts (run.sh all, cold-start.sh all) must not build again.
BENCH_REBUILD=false
export BENCH_REBUILD
mkdir -p "$BENCH_DIR/target/results"

# bench_java <main class> [args…]: runs a benchmark driver (simple names are in
# io.github.lambdamw.benchmarks) from the repository root.
bench_java() {
  case $1 in
    *.*) main=$1 ;;
    *) main=io.github.lambdamw.benchmarks.$1 ;;
  esac
  shift
  (cd "$ROOT" && "$JAVA_HOME/bin/java" -Dsun.net.httpserver.nodelay=true \
    -cp "$BENCH_DIR/target/classes:$(cat "$BENCH_DIR/target/classpath.txt")" \
    "$main" "$@")
}
