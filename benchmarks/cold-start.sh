#!/bin/sh
# Cold first-response latency, none / agent-disabled / agent / agent-open /
# agent-runtime-bytebuddy / agent-tls interleaved,
# on JDK 17 and 25, on 2 CPUs and on 1 (taskset -c 0). Builds first if needed (BENCH_REBUILD=true
# forces it). RUNS=10 by default; JAVAS="17 25", CPUS="2 1" to narrow; MAX_RAM=512m sizes the
# heap as in a 512 MB sandbox. VARIANTS=none,agent picks variants; agent-tls reads SSM
# over HTTPS (keys made with keytool into benchmarks/target/tls/) and trusts its JDK's full cacerts
# plus the stand-in's certificate, as in Lambda; TLS_TRUST=minimal makes it trust that certificate
# alone, to tell the trust store's share (results then end in -trustminimal). Results: stdout
# (markdown) and benchmarks/target/results/cold-start-*.csv. See docs/performance.md.
. "$(dirname "$0")/lib.sh"
for cpus in ${CPUS:-2 1}; do
  for java in ${JAVAS:-17 25}; do
    bench_java ColdStartBenchmark --java "$java" --cpus "$cpus" --runs "${RUNS:-10}" \
      --variants "${VARIANTS:-none,agent-disabled,agent,agent-open,agent-runtime-bytebuddy,agent-tls}" \
      ${MAX_RAM:+--max-ram "$MAX_RAM"} ${TLS_TRUST:+--tls-trust "$TLS_TRUST"} \
      --out "$BENCH_DIR/target/results/cold-start-jdk$java-${cpus}cpu${MAX_RAM:+-maxram$MAX_RAM}${TLS_TRUST:+-trust$TLS_TRUST}.csv"
  done
done
