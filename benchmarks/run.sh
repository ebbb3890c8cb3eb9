#!/bin/sh
# Runs one benchmark, or all of them, on the local harness; builds first if needed
# (BENCH_REBUILD=true forces it). Markdown tables go to stdout, raw numbers to
# benchmarks/target/results/. Usage:
#   benchmarks/run.sh jmh|cold-start [https|loopback|cds|all]|invocations|deferral|layer|class-load|ssm-read|init-path|all
# Environment: RUNS (cold-start, ssm-read and init-path rounds, 10), PAIRS (invocations, 3),
# ROUNDS (deferral, 3), JAVAS ("17 25"), CPUS ("1 2"). `all` regenerates every table of
# docs/performance.md (cold-start all included). See docs/performance.md.
# ssm-read: the first SSM read in a cold JVM, each way: agent-http and agent-https (the
# agent's SsmWindowSource), agent-jdkgroups-https (the same with the JDK's key-exchange groups
# instead of X25519 alone), agent-x25519only-https and agent-p256only-https (the JVM's TLS
# limited to one group: what JDK 25's second key share costs), httpclient-https and urlconnection-https (the agent's signed
# request through java.net.http.HttpClient, or a bare HttpsURLConnection without the
# agent's CallWatchdog and WatchedTlsSockets), sdk-https (the SDK's SsmClient).
. "$(dirname "$0")/lib.sh"
results=$BENCH_DIR/target/results
case "${1:-all}" in
  jmh)
    # Gate closed path vs no-op and clock read; -prof gc adds allocation per op.
    bench_java org.openjdk.jmh.Main -prof gc -rf json -rff "$results/jmh.json" GateBenchmark
    ;;
  cold-start)
    "$BENCH_DIR/cold-start.sh" "${2:-https}"
    ;;
  invocations)
    for cpus in ${CPUS:-2 1}; do
      bench_java InvocationsBenchmark --java "${JAVA:-25}" --cpus "$cpus" --pairs "${PAIRS:-3}" \
        --out "$results/invocations-${cpus}cpu.csv"
    done
    ;;
  deferral)
    bench_java DeferralBenchmark --java 25 --rounds "${ROUNDS:-3}" --out "$results/deferral.csv"
    ;;
  layer)
    bench_java LayerSize
    ;;
  ssm-read)
    for cpus in ${CPUS:-1 2}; do
      for java in ${JAVAS:-17 25}; do
        bench_java SsmReadCost --java "$java" --cpus "$cpus" --runs "${RUNS:-10}"
      done
    done
    ;;
  init-path)
    for cpus in ${CPUS:-1 2}; do
      for java in ${JAVAS:-17 25}; do
        bench_java InitPathCost --java "$java" --cpus "$cpus" --runs "${RUNS:-10}"
      done
    done
    ;;
  class-load)
    # The loopback variants of issue 7, then both functions over HTTPS.
    for java in ${JAVAS:-17 25}; do
      bench_java ClassLoadBreakdown --java "$java" --dir "$results/class-load"
      bench_java ClassLoadBreakdown --java "$java" --ssm https --functions sample,realistic \
        --variants none,agent --dir "$results/class-load"
    done
    ;;
  all)
    for what in layer jmh class-load invocations deferral ssm-read init-path; do
      "$0" "$what"
    done
    "$0" cold-start all
    ;;
  *)
    echo "usage: $0 jmh|cold-start [https|loopback|cds|all]|invocations|deferral|layer|class-load|ssm-read|init-path|all" >&2
    exit 64
    ;;
esac
