#!/usr/bin/env bats
# MAINTENANCE_WINDOW_NEXT_WRAPPER: the layer's wrapper attaches the agent, then hands the runtime's command line
# to another tool's exec wrapper, so that both tools run. Run under dash, as in wrapper.bats.

bats_require_minimum_version 1.5.0

WRAPPER_SOURCE="$BATS_TEST_DIRNAME/../../main/layer/maintenance-window/wrapper"
SHOW_ARGS="$BATS_TEST_DIRNAME/fixtures/show-args"
TEST_JAVA_HOME="${LMW_TEST_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"

# Our unpacked layer (in a folder with a space) and another tool's, as Lambda would mount both under /opt.
setup() {
  LAYER="$BATS_TEST_TMPDIR/unpacked layer/maintenance-window"
  mkdir -p "$LAYER"
  cp "$WRAPPER_SOURCE" "$LAYER/wrapper"
  chmod 755 "$LAYER/wrapper"
  : >"$LAYER/agent.jar"
  AGENT_OPTION="-javaagent:\"$LAYER/agent.jar\""
  OTHER="$BATS_TEST_TMPDIR/other-layer"
  mkdir -p "$OTHER"
  cp "$BATS_TEST_DIRNAME/fixtures/other-wrapper" "$OTHER/wrapper"
  chmod 755 "$OTHER/wrapper"
  OTHER_OPTION="-javaagent:$OTHER/other-agent.jar"
  unset JAVA_TOOL_OPTIONS MAINTENANCE_WINDOW_DISABLED MAINTENANCE_WINDOW_NEXT_WRAPPER _MAINTENANCE_WINDOW_CHAINED
  unset AWS_LAMBDA_EXEC_WRAPPER
}

# The line when the next wrapper is this wrapper: the agent is attached, so nothing is missing.
itself() {
  printf 'maintenance-window: MAINTENANCE_WINDOW_NEXT_WRAPPER=%s is this wrapper itself; the command runs directly' "$1"
}

# The line a bad next wrapper gives: what is wrong with it, and that its tool does not run.
refused() {
  printf 'maintenance-window: MAINTENANCE_WINDOW_NEXT_WRAPPER=%s %s; the command runs without that wrapper (its tool is NOT active)' "$1" "$2"
}

@test "chains to the next wrapper, whose additions to JAVA_TOOL_OPTIONS come after the agent" {
  export JAVA_TOOL_OPTIONS='-Xss2m'
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS" 'a b' "it's" ''

  [ "$status" -eq 0 ]
  [ "$output" = "$(printf 'JTO=[-Xss2m %s %s]\narg=[a b]\narg=[it'"'"'s]\narg=[]' "$AGENT_OPTION" "$OTHER_OPTION")" ]
  [ -z "$stderr" ]
}

@test "a next wrapper that puts its agent first and swaps the handler argument, as OpenTelemetry's do, gets both" {
  cat >"$OTHER/wrapper" <<'SCRIPT'
#!/bin/sh
JAVA_TOOL_OPTIONS="-javaagent:/opt/tracing.jar${JAVA_TOOL_OPTIONS:+ $JAVA_TOOL_OPTIONS}"
export JAVA_TOOL_OPTIONS
for arg; do
  shift
  if [ "$arg" = "$_HANDLER" ]; then arg=tracing.Wrapper; fi
  set -- "$@" "$arg"
done
exec "$@"
SCRIPT
  export _HANDLER=example.Handler
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS" -Xss2m example.Handler

  [ "$status" -eq 0 ]
  [ "$output" = "$(printf 'JTO=[-javaagent:/opt/tracing.jar %s]\narg=[-Xss2m]\narg=[tracing.Wrapper]' "$AGENT_OPTION")" ]
  [ -z "$stderr" ]
}

@test "the chain execs all the way, so the command keeps the wrapper's process and exit code" {
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  dash "$LAYER/wrapper" sh -c 'echo "$$ $JAVA_TOOL_OPTIONS"; exit 42' >"$BATS_TEST_TMPDIR/pid" &
  wrapper_pid=$!
  wait "$wrapper_pid" || status=$?

  [ "$status" -eq 42 ]
  [ "$(cat "$BATS_TEST_TMPDIR/pid")" = "$wrapper_pid $AGENT_OPTION $OTHER_OPTION" ]
}

@test "MAINTENANCE_WINDOW_DISABLED=true leaves the agent out but still runs the next wrapper" {
  export MAINTENANCE_WINDOW_DISABLED=true
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$OTHER_OPTION]" ]
  [[ "$stderr" == "maintenance-window: MAINTENANCE_WINDOW_DISABLED=true;"*"UNGUARDED" ]]
}

@test "an empty MAINTENANCE_WINDOW_NEXT_WRAPPER means no next wrapper" {
  export MAINTENANCE_WINDOW_NEXT_WRAPPER=''

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
  [ -z "$stderr" ]
}

@test "a missing next wrapper is reported in one line and the command runs with the agent" {
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/gone"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS" one

  [ "$status" -eq 0 ]
  [ "$output" = "$(printf 'JTO=[%s]\narg=[one]' "$AGENT_OPTION")" ]
  [ "$stderr" = "$(refused "$OTHER/gone" 'does not exist')" ]
}

@test "a dangling symlink as next wrapper is reported as missing" {
  ln -s "$OTHER/gone" "$OTHER/link"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/link"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
  [ "$stderr" = "$(refused "$OTHER/link" 'does not exist')" ]
}

@test "a next wrapper that is not executable is reported and the command runs with the agent" {
  chmod 644 "$OTHER/wrapper"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
  [ "$stderr" = "$(refused "$OTHER/wrapper" 'is not executable')" ]
}

@test "a next wrapper that is a directory is reported and the command runs with the agent" {
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
  [ "$stderr" = "$(refused "$OTHER" 'is a directory')" ]
}

@test "a next wrapper that is not a regular file is reported" {
  export MAINTENANCE_WINDOW_NEXT_WRAPPER=/dev/null

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
  [ "$stderr" = "$(refused /dev/null 'is not a regular file')" ]
}

@test "a next wrapper the function cannot read is reported" {
  if [ "$(id -u)" -eq 0 ]; then
    skip "root can read any file"
  fi
  chmod 311 "$OTHER/wrapper"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
  [ "$stderr" = "$(refused "$OTHER/wrapper" 'is not readable')" ]
}

@test "the wrapper named as its own next wrapper is reported instead of looping" {
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$LAYER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "$output" = "JTO=[$AGENT_OPTION]" ]
  [ "$stderr" = "$(itself "$LAYER/wrapper")" ]
}

@test "the wrapper reached through a symlink or another path to itself is reported as itself" {
  mkdir -p "$BATS_TEST_TMPDIR/bin"
  ln -s "../unpacked layer/maintenance-window/wrapper" "$BATS_TEST_TMPDIR/bin/link"
  ln -s "$BATS_TEST_TMPDIR/unpacked layer" "$BATS_TEST_TMPDIR/linked layer"

  for next in "$BATS_TEST_TMPDIR/bin/link" "$LAYER/../maintenance-window/wrapper" \
      "$BATS_TEST_TMPDIR/linked layer/maintenance-window/wrapper"; do
    export MAINTENANCE_WINDOW_NEXT_WRAPPER="$next"

    run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

    [ "$status" -eq 0 ]
    [ "$output" = "JTO=[$AGENT_OPTION]" ]
    [ "$stderr" = "$(itself "$next")" ]
  done
}

@test "started through a symlink, the wrapper still knows itself as the next wrapper" {
  ln -s "$LAYER/wrapper" "$BATS_TEST_TMPDIR/entry"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$LAYER/wrapper"

  run --separate-stderr dash "$BATS_TEST_TMPDIR/entry" "$SHOW_ARGS"

  [ "$output" = "JTO=[$AGENT_OPTION]" ]
  [ "$stderr" = "$(itself "$LAYER/wrapper")" ]
}

@test "a hard link to the wrapper as next wrapper runs once more, sees the chain, and runs the command" {
  ln "$LAYER/wrapper" "$BATS_TEST_TMPDIR/hard-link"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$BATS_TEST_TMPDIR/hard-link"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "$output" = "JTO=[$AGENT_OPTION]" ]
  [ "$stderr" = "maintenance-window: started again through MAINTENANCE_WINDOW_NEXT_WRAPPER=$BATS_TEST_TMPDIR/hard-link (the chain leads back to this wrapper); the command runs directly" ]
}

@test "a copy of the layer as next wrapper does not attach a second agent" {
  cp -R "$LAYER" "$BATS_TEST_TMPDIR/copy"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$BATS_TEST_TMPDIR/copy/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "$output" = "JTO=[$AGENT_OPTION]" ]
  [[ "$stderr" == "maintenance-window: started again through"*"the command runs directly" ]]
}

@test "a next wrapper that calls AWS_LAMBDA_EXEC_WRAPPER again does not loop, and both tools run once" {
  cat >"$OTHER/calls-back" <<'SCRIPT'
#!/bin/sh
JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Dother=ran"
export JAVA_TOOL_OPTIONS
exec "$AWS_LAMBDA_EXEC_WRAPPER" "$@"
SCRIPT
  chmod 755 "$OTHER/calls-back"
  export AWS_LAMBDA_EXEC_WRAPPER="$LAYER/wrapper"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/calls-back"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS" one

  [ "$status" -eq 0 ]
  [ "$output" = "$(printf 'JTO=[%s -Dother=ran]\narg=[one]' "$AGENT_OPTION")" ]
  [ "$stderr" = "maintenance-window: started again through MAINTENANCE_WINDOW_NEXT_WRAPPER=$OTHER/calls-back (the chain leads back to this wrapper); the command runs directly" ]
}

@test "the command does not inherit the chain's marker after a loop was cut" {
  cat >"$OTHER/calls-back" <<'SCRIPT'
#!/bin/sh
exec "$AWS_LAMBDA_EXEC_WRAPPER" "$@"
SCRIPT
  chmod 755 "$OTHER/calls-back"
  export AWS_LAMBDA_EXEC_WRAPPER="$LAYER/wrapper"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/calls-back"

  run --separate-stderr dash "$LAYER/wrapper" sh -c 'echo "marker=[${_MAINTENANCE_WINDOW_CHAINED-<unset>}]"'

  [ "$output" = "marker=[<unset>]" ]
}

@test "a next wrapper whose interpreter is missing is reported instead of failing the start" {
  printf '#!/nonexistent/bin/sh\nexec "$@"\n' >"$OTHER/wrapper"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
  [ "$stderr" = "$(refused "$OTHER/wrapper" 'cannot start: its interpreter /nonexistent/bin/sh is not there')" ]
}

@test "a next wrapper saved with Windows line ends is reported, as its interpreter is /bin/sh and a carriage return" {
  printf '#!/bin/sh\r\nexec "$@"\r\n' >"$OTHER/wrapper"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
  [ "$stderr" = "$(refused "$OTHER/wrapper" "cannot start: its interpreter $(printf '/bin/sh\r') is not there")" ]
}

@test "a next wrapper run through env with a program missing from PATH is reported" {
  printf '#!/usr/bin/env  no-such-shell -e\nexec "$@"\n' >"$OTHER/wrapper"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION]" ]
  [ "$stderr" = "$(refused "$OTHER/wrapper" 'cannot start: its interpreter no-such-shell is not on PATH')" ]
}

@test "a next wrapper run through env with a program on PATH is chained" {
  printf '#!/usr/bin/env sh\nJAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Dother=ran" exec "$@"\n' >"$OTHER/wrapper"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "${lines[0]}" = "JTO=[$AGENT_OPTION -Dother=ran]" ]
  [ -z "$stderr" ]
}

@test "a next wrapper without a #! line is chained, as exec runs it with sh" {
  printf 'JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Dother=ran" exec "$@"\n' >"$OTHER/wrapper"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "${lines[0]}" = "JTO=[$AGENT_OPTION -Dother=ran]" ]
  [ -z "$stderr" ]
}

@test "a compiled next wrapper is chained" {
  # env is a binary that execs its arguments, as a wrapper does.
  export MAINTENANCE_WINDOW_NEXT_WRAPPER=/usr/bin/env

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS" 'a b'

  [ "$status" -eq 0 ]
  [ "$output" = "$(printf 'JTO=[%s]\narg=[a b]' "$AGENT_OPTION")" ]
  [ -z "$stderr" ]
}

@test "a bare file name as next wrapper is taken in the working folder, not looked up on PATH" {
  mkdir -p "$BATS_TEST_TMPDIR/path"
  printf '#!/bin/sh\necho "from PATH"\n' >"$BATS_TEST_TMPDIR/path/wrapper"
  chmod 755 "$BATS_TEST_TMPDIR/path/wrapper"
  export PATH="$BATS_TEST_TMPDIR/path:$PATH"
  export MAINTENANCE_WINDOW_NEXT_WRAPPER=wrapper
  cd "$OTHER"

  run --separate-stderr dash "$LAYER/wrapper" "$SHOW_ARGS"

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "JTO=[$AGENT_OPTION $OTHER_OPTION]" ]
  [ -z "$stderr" ]
}

@test "a real JVM loads both agents through the chain, ours first" {
  if [ ! -x "$TEST_JAVA_HOME/bin/javac" ]; then
    skip "no JDK at $TEST_JAVA_HOME (set LMW_TEST_JAVA_HOME)"
  fi
  fixtures="$BATS_TEST_DIRNAME/fixtures"
  "$TEST_JAVA_HOME/bin/javac" -d "$BATS_TEST_TMPDIR/probe" \
    "$fixtures/probe-agent/ProbeAgent.java" "$fixtures/probe-agent/ProbeMain.java"
  "$TEST_JAVA_HOME/bin/jar" --create --file "$LAYER/agent.jar" \
    --manifest "$fixtures/probe-agent/MANIFEST.MF" -C "$BATS_TEST_TMPDIR/probe" .
  "$TEST_JAVA_HOME/bin/javac" -d "$BATS_TEST_TMPDIR/other" "$fixtures/other-agent/OtherAgent.java"
  "$TEST_JAVA_HOME/bin/jar" --create --file "$OTHER/other-agent.jar" \
    --manifest "$fixtures/other-agent/MANIFEST.MF" -C "$BATS_TEST_TMPDIR/other" .
  export MAINTENANCE_WINDOW_NEXT_WRAPPER="$OTHER/wrapper"

  run --separate-stderr dash "$LAYER/wrapper" \
    "$TEST_JAVA_HOME/bin/java" -Xshare:auto -cp "$LAYER/agent.jar" ProbeMain 'a b'

  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "probe-agent loaded from $LAYER/agent.jar" ]
  [ "${lines[1]}" = "other-agent loaded from $OTHER/other-agent.jar" ]
  [ "${lines[2]}" = 'arg=[a b]' ]
  [ "${#lines[@]}" -eq 3 ]
  [ "$stderr" = "Picked up JAVA_TOOL_OPTIONS: $AGENT_OPTION $OTHER_OPTION" ]
}
