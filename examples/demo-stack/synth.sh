#!/bin/sh
# Synthesizes the demo app with the pinned CDK CLI (package.json at the repository root), offline and without AWS
# credentials, into examples/demo-stack/cdk.out (or $CDK_OUTDIR). Extra arguments go to `cdk synth`, e.g. -c runtime=java25.
# Needs: `npm ci` at the repository root and a built demo module (./mvnw -pl examples/demo-stack -am package).
# Exits non-zero when the synth fails, when cdk-nag reports an unacknowledged finding, or when no template results.
set -eu
demo_dir=$(cd "$(dirname "$0")" && pwd)
root_dir=$(dirname "$(dirname "$demo_dir")")
cdk="$root_dir/node_modules/.bin/cdk"
if [ ! -x "$cdk" ]; then
  echo "examples/demo-stack/synth.sh: $cdk is missing; run 'npm ci' in $root_dir" >&2
  exit 2
fi
outdir=${CDK_OUTDIR:-$demo_dir/cdk.out}
# The CLI keeps its cache under CDK_HOME (default ~/.cdk): keep it in the build folder.
export CDK_HOME="${CDK_HOME:-$demo_dir/target/cdk-home}"
export CDK_DISABLE_CLI_TELEMETRY=true
mkdir -p "$CDK_HOME"
cd "$demo_dir"
# No credentials, no region, no profile: the stack is environment-agnostic and must not need any.
env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE -u AWS_DEFAULT_PROFILE \
  -u AWS_REGION -u AWS_DEFAULT_REGION -u AWS_CONFIG_FILE -u AWS_SHARED_CREDENTIALS_FILE \
  AWS_EC2_METADATA_DISABLED=true \
  "$cdk" synth --quiet --no-version-reporting --no-notices --no-lookups --output "$outdir" "$@"
template="$outdir/MaintenanceWindowDemo.template.json"
if [ ! -s "$template" ]; then
  echo "examples/demo-stack/synth.sh: no template at $template" >&2
  exit 1
fi
echo "examples/demo-stack/synth.sh: wrote $template"
