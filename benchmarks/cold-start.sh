#!/bin/sh
# Cold first-response latency, on JDK 17 and 25, on 1 CPU (taskset -c 0) and 2, RUNS=10
# interleaved rounds. Usage: benchmarks/cold-start.sh [https|loopback|cds|all]
#   https (default): the sample function and the realistic one (SDK v2 SsmClient in a static field,
#       one GetParameter over HTTPS per invocation), variants none and agent, SSM over HTTPS for the
#       agent and the function alike, as in Lambda. The headline figures.
#   loopback: the sample function, none / agent-disabled / agent / agent-open /
#       agent-runtime-bytebuddy, SSM over plain http on loopback (issue 7's targets).
#   cds: as https, with an AppCDS archive of the runtime's classes for every variant, as Lambda
#       maps its own (RuntimeCds).
#   all: the three.
# REPEATS=3 makes each cell three times (RUNS rounds each) and pools them in the summary.
# Builds first if needed (BENCH_REBUILD=true forces it). Narrow with JAVAS="17 25", CPUS="1 2",
# FUNCTIONS=sample,realistic, VARIANTS=none,agent (or add agent-no-tls-ahead: the agent without
# the thread that makes the JVM's TLS context ahead, DefaultTlsAhead); MAX_RAM=512m sizes the
# heap as in a 512 MB sandbox. The HTTPS stand-in presents a chain like AWS's endpoints (RSA 2048 leaf, intermediate,
# root); TLS_CERT=self-signed-ec makes it present the self-signed EC P-256 certificate of the
# earlier figures instead. TLS_TRUST=minimal makes the HTTPS runs trust the stand-in's root (or
# self-signed) certificate alone (the full JDK cacerts plus it by default, as in Lambda);
# RUNTIME_AGENT=log4j-hotpatch starts every variant, the baseline too, with a stand-in for the Java
# agent Lambda's java17 runtime starts in every function (RuntimeAgent; none by default). Results:
# per-run tables and a summary per group on stdout (markdown), raw numbers in
# benchmarks/target/results/cold-start-<group>-*.csv.
# See docs/performance.md.
. "$(dirname "$0")/lib.sh"

# cold_start_group <group> <ssm: https|http> <cds: off|runtime> <functions> <variants>
# REPEATS=n (1) makes every cell n times, each repeat going through all the cells before the next,
# so that a slow spell of the machine falls on all of them; the summary pools the repeats' rounds.
cold_start_group() {
  files=""
  repeat=1
  while [ "$repeat" -le "${REPEATS:-1}" ]; do
    for cpus in ${CPUS:-1 2}; do
      for java in ${JAVAS:-17 25}; do
        out="$BENCH_DIR/target/results/cold-start-$1-jdk$java-${cpus}cpu${MAX_RAM:+-maxram$MAX_RAM}${TLS_CERT:+-cert$TLS_CERT}${TLS_TRUST:+-trust$TLS_TRUST}${RUNTIME_AGENT:+-$RUNTIME_AGENT}"
        if [ "${REPEATS:-1}" -gt 1 ]; then
          out="$out-repeat$repeat"
        fi
        bench_java ColdStartBenchmark --java "$java" --cpus "$cpus" --runs "${RUNS:-10}" \
          --functions "${FUNCTIONS:-$4}" --variants "${VARIANTS:-$5}" --ssm "$2" --cds "$3" \
          ${MAX_RAM:+--max-ram "$MAX_RAM"} ${TLS_CERT:+--tls-cert "$TLS_CERT"} \
          ${TLS_TRUST:+--tls-trust "$TLS_TRUST"} ${RUNTIME_AGENT:+--runtime-agent "$RUNTIME_AGENT"} \
          --out "$out.csv"
        files="$files $out.csv"
      done
    done
    repeat=$((repeat + 1))
  done
  # shellcheck disable=SC2086 # one word per file
  bench_java ColdStartSummary "cold start, $1 (summary: ${REPEATS:-1} × ${RUNS:-10} rounds per cell)" $files
}

case "${1:-https}" in
  https) cold_start_group https https off sample,realistic none,agent ;;
  loopback)
    cold_start_group loopback http off sample \
      none,agent-disabled,agent,agent-open,agent-runtime-bytebuddy
    ;;
  cds) cold_start_group cds https runtime sample,realistic none,agent ;;
  all)
    "$0" https
    "$0" loopback
    "$0" cds
    ;;
  *)
    echo "usage: $0 [https|loopback|cds|all]" >&2
    exit 64
    ;;
esac
