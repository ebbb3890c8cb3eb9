#!/bin/sh
# Runs the CDK app (cdk.json's "app"): io.github.lambdamw.demo.DemoApp on the class path Maven wrote at build
# time, so `npx cdk synth|deploy|destroy` starts no Maven and needs no network. Build first:
#   ./mvnw -pl examples/demo-stack -am package     (from the repository root; add -DskipTests to go faster)
# Java 21 or newer: JAVA_HOME if set, else `java` on PATH.
set -eu
cd "$(dirname "$0")"
classpath_file=target/app-classpath.txt
if [ ! -f "$classpath_file" ] || [ ! -d target/classes ]; then
  echo "examples/demo-stack/app.sh: the demo is not built; from the repository root run:" \
    "./mvnw -pl examples/demo-stack -am package -DskipTests" >&2
  exit 2
fi
# aws-cdk-lib keeps an asset fingerprint cache under $HOME/.cdk whatever CDK_HOME says: when CDK_HOME is set
# (synth.sh and the tests set it under target/), keep that cache beside it.
# jsii's own package cache stays where it was.
if [ -n "${CDK_HOME:-}" ]; then
  JSII_RUNTIME_PACKAGE_CACHE_ROOT="${JSII_RUNTIME_PACKAGE_CACHE_ROOT:-$HOME/.cache/aws/jsii/package-cache}"
  export JSII_RUNTIME_PACKAGE_CACHE_ROOT
  mkdir -p "$CDK_HOME/app-home"
  HOME="$CDK_HOME/app-home"
  export HOME
fi
java_cmd=java
if [ -n "${JAVA_HOME:-}" ]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
exec "$java_cmd" -cp "target/classes:$(cat "$classpath_file")" io.github.lambdamw.demo.DemoApp
