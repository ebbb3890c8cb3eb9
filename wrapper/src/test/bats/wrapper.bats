#!/usr/bin/env bats
# The layer's wrapper script, run under dash (the strictest common /bin/sh) the way Lambda runs
# AWS_LAMBDA_EXEC_WRAPPER: the script first, then the runtime's command line as its arguments.

bats_require_minimum_version 1.5.0

WRAPPER_SOURCE="$BATS_TEST_DIRNAME/../../main/layer/maintenance-window/wrapper"
SHOW_ARGS="$BATS_TEST_DIRNAME/fixtures/show-args"
TEST_JAVA_HOME="${LMW_TEST_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"

# An unpacked layer in a folder whose name has a space, as a user's download folder might.
setup() {
  LAYER="$BATS_TEST_TMPDIR/unpacked layer/maintenance-window"
  mkdir -p "$LAYER"
  cp "$WRAPPER_SOURCE" "$LAYER/wrapper"
  chmod 755 "$LAYER/wrapper"
  : >"$LAYER/agent.jar"
  AGENT_OPTION="-javaagent:\"$LAYER/agent.jar\""
  unset JAVA_TOOL_OPTIONS MAINTENANCE_WINDOW_DISABLED
}

@test "adds the agent to an empty JAVA_TOOL_OPTIONS" {
  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
  [ -z "$stderr" ]
}

@test "keeps the options already in JAVA_TOOL_OPTIONS and appends the agent" {
  export JAVA_TOOL_OPTIONS='-Xss2m -Dkeep="a b"'

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[-Xss2m -Dkeep=\"a b\" $AGENT_OPTION]" ]
}

@test "running the wrapper twice adds the agent once" {
  run --separate-stderr dash "$LAYER/wrapper" dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
}

@test "a missing agent jar is reported in one stderr line and the command runs unchanged" {
  rm "$LAYER/agent.jar"
  export JAVA_TOOL_OPTIONS='-Xss2m'

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS" one

  [ "$status" -eq 0 ]
  [ "$output" = "$(printf 'JTO=[-Xss2m]\narg=[one]')" ]
  [ "$stderr" = "maintenance-window: agent jar not found at $LAYER/agent.jar; the function runs UNGUARDED" ]
}

@test "an unreadable agent jar is reported and the command runs unchanged" {
  if [ "$(id -u)" -eq 0 ]; then
    skip "root can read any file"
  fi
  chmod 000 "$LAYER/agent.jar"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[<unset>]" ]
  [ "$stderr" = "maintenance-window: agent jar not readable at $LAYER/agent.jar; the function runs UNGUARDED" ]
}

@test "MAINTENANCE_WINDOW_DISABLED=true leaves JAVA_TOOL_OPTIONS alone and says so" {
  export JAVA_TOOL_OPTIONS='-Xss2m'
  export MAINTENANCE_WINDOW_DISABLED=true

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[-Xss2m]" ]
  [[ "$stderr" == "maintenance-window: MAINTENANCE_WINDOW_DISABLED=true;"*"UNGUARDED" ]]
}

@test "arguments with spaces, quotes and glob characters reach the command intact" {
  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS" 'a b' '"dq"' "it's" '*' '' '$HOME' 'x=y'

  [ "$status" -eq 0 ]
  [ "${lines[1]}" = 'arg=[a b]' ]
  [ "${lines[2]}" = 'arg=["dq"]' ]
  [ "${lines[3]}" = "arg=[it's]" ]
  [ "${lines[4]}" = 'arg=[*]' ]
  [ "${lines[5]}" = 'arg=[]' ]
  [ "${lines[6]}" = 'arg=[$HOME]' ]
  [ "${lines[7]}" = 'arg=[x=y]' ]
  [ "${#lines[@]}" -eq 8 ]
}

@test "finds the agent from another working directory through a relative path" {
  cd "$BATS_TEST_TMPDIR"

  run --separate-stderr dash "./unpacked layer/maintenance-window/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
}

@test "finds the agent when started by its bare file name from its own folder" {
  cd "$LAYER"

  run --separate-stderr dash wrapper "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
}

@test "finds the agent through a chain of symlinks to the script" {
  mkdir -p "$BATS_TEST_TMPDIR/bin"
  ln -s "../unpacked layer/maintenance-window/wrapper" "$BATS_TEST_TMPDIR/bin/first-link"
  ln -s first-link "$BATS_TEST_TMPDIR/bin/second-link"
  cd /

  run --separate-stderr dash "$BATS_TEST_TMPDIR/bin/second-link" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
}

@test "a layer path without special characters is passed unquoted" {
  mkdir -p "$BATS_TEST_TMPDIR/plain"
  cp -R "$LAYER" "$BATS_TEST_TMPDIR/plain/"

  run --separate-stderr dash "$BATS_TEST_TMPDIR/plain/maintenance-window/wrapper" "$SHOW_ARGS"

  [ "${lines[0]}" = "JTO=[-javaagent:$BATS_TEST_TMPDIR/plain/maintenance-window/agent.jar]" ]
}

@test "the exit code of the command is the exit code of the wrapper" {
  run dash "$LAYER/wrapper" sh -c 'exit 42'

  [ "$status" -eq 42 ]
}

@test "the wrapper execs the command in its own process instead of leaving a shell behind" {
  dash "$LAYER/wrapper" sh -c 'echo "$$"' >"$BATS_TEST_TMPDIR/pid" &
  wrapper_pid=$!
  wait "$wrapper_pid"

  # Same process id: the runtime's signals and exit status reach the JVM directly.
  [ "$(cat "$BATS_TEST_TMPDIR/pid")" = "$wrapper_pid" ]
}

@test "the wrapper is executable straight from its shebang" {
  run --separate-stderr "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
}

@test "without a command the wrapper fails with a message" {
  run --separate-stderr dash "$LAYER/wrapper"

  [ "$status" -eq 2 ]
  [[ "$stderr" == "maintenance-window: no command given"* ]]
}

@test "a real JVM loads the agent through the wrapper from a layer folder with a space" {
  if [ ! -x "$TEST_JAVA_HOME/bin/javac" ]; then
    skip "no JDK at $TEST_JAVA_HOME (set LMW_TEST_JAVA_HOME)"
  fi
  "$TEST_JAVA_HOME/bin/javac" -d "$BATS_TEST_TMPDIR/classes" \
    "$BATS_TEST_DIRNAME/fixtures/probe-agent/ProbeAgent.java" \
    "$BATS_TEST_DIRNAME/fixtures/probe-agent/ProbeMain.java"
  "$TEST_JAVA_HOME/bin/jar" --create --file "$LAYER/agent.jar" \
    --manifest "$BATS_TEST_DIRNAME/fixtures/probe-agent/MANIFEST.MF" -C "$BATS_TEST_TMPDIR/classes" .
  export JAVA_TOOL_OPTIONS='-Dlmw.test=kept'

  run --separate-stderr dash "$LAYER/wrapper" \
    "$TEST_JAVA_HOME/bin/java" -Xshare:auto -cp "$LAYER/agent.jar" ProbeMain 'a b' '"q"'

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "probe-agent loaded from $LAYER/agent.jar" ]
  [ "${lines[1]}" = 'arg=[a b]' ]
  [ "${lines[2]}" = 'arg=["q"]' ]
  [ "${#lines[@]}" -eq 3 ]
  [ "$stderr" = "Picked up JAVA_TOOL_OPTIONS: -Dlmw.test=kept $AGENT_OPTION" ]
}
