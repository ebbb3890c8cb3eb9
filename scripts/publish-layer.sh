#!/bin/sh
# Publishes the maintenance-window layer zip as a Lambda layer version in each given region, makes it public
# (any account may attach it; nobody else can change it), and writes its ARN to SSM parameters in that region, as
# Powertools for AWS Lambda does, so that stacks and scripts of the publishing account resolve it by name:
#   /lambda-mw/layer-arn              the latest published version
#   /lambda-mw/<version>/layer-arn    this release, for pinning
# Not run by the build or CI: it needs credentials of the publishing account. docs/without-cdk.md says how users
# attach the published layer.
#
# Usage: scripts/publish-layer.sh --regions "eu-west-1 us-east-1" [--zip FILE] [--version V]
#          [--layer-name NAME] [--parameter-prefix /lambda-mw] [--private] [--dry-run]
#   --zip      default: wrapper/target/lambda-mw-wrapper-<version>-layer.zip (./mvnw -pl wrapper -am package)
#   --version  default: the <version> of the root pom.xml
#   --private  do not grant lambda:GetLayerVersion to every account
#   --dry-run  print the aws commands instead of running them
# Needs the AWS CLI v2 and credentials allowed lambda:PublishLayerVersion, lambda:AddLayerVersionPermission and
# ssm:PutParameter in those regions.
set -eu

root_dir=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)

# The runtimes and architectures the layer is made for: the agent hooks the open-source runtime interface client of
# java17, java21 and java25 (infra's Runtimes.GUARDABLE), and it is pure Java.
runtimes="java17 java21 java25"
architectures="x86_64 arm64"

regions=""
zip=""
version=""
layer_name="lambda-maintenance-window"
parameter_prefix="/lambda-mw"
public=true
dry_run=false

fail() {
  printf 'publish-layer: %s\n' "$*" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case $1 in
    --regions) [ $# -ge 2 ] || fail "--regions needs a value"; regions=$2; shift 2 ;;
    --zip) [ $# -ge 2 ] || fail "--zip needs a value"; zip=$2; shift 2 ;;
    --version) [ $# -ge 2 ] || fail "--version needs a value"; version=$2; shift 2 ;;
    --layer-name) [ $# -ge 2 ] || fail "--layer-name needs a value"; layer_name=$2; shift 2 ;;
    --parameter-prefix) [ $# -ge 2 ] || fail "--parameter-prefix needs a value"; parameter_prefix=$2; shift 2 ;;
    --private) public=false; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) fail "unknown option '$1' (see --help)" ;;
  esac
done

[ -n "$regions" ] || fail "name the regions: --regions \"eu-west-1 us-east-1\""
if [ -z "$version" ]; then
  # The project's version is the first <version> after the parent's artifactId in the root pom.
  version=$(awk '/<artifactId>lambda-mw-parent<\/artifactId>/ { found = 1; next }
    found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$root_dir/pom.xml")
  [ -n "$version" ] || fail "cannot read the version from $root_dir/pom.xml; pass --version"
fi
[ -n "$zip" ] || zip="$root_dir/wrapper/target/lambda-mw-wrapper-$version-layer.zip"
[ -f "$zip" ] || fail "no layer zip at $zip: build it (./mvnw -pl wrapper -am package) or pass --zip"
case $parameter_prefix in
  /*) ;;
  *) fail "--parameter-prefix must start with / (got '$parameter_prefix')" ;;
esac

# Runs aws, or with --dry-run prints the command on stderr and answers what the next steps need.
aws_cli() {
  if [ "$dry_run" = true ]; then
    printf '+ aws' >&2
    printf ' %s' "$@" >&2
    printf '\n' >&2
    case "$*" in
      *publish-layer-version*) printf 'arn:aws:lambda:%s:123456789012:layer:%s:1\n' "$region" "$layer_name" ;;
    esac
  else
    aws "$@"
  fi
}

for region in $regions; do
  # shellcheck disable=SC2086 # the runtime and architecture lists are meant to split into words
  arn=$(aws_cli lambda publish-layer-version --region "$region" \
    --layer-name "$layer_name" \
    --description "Maintenance windows for Lambda Java functions $version: wrapper script and agent" \
    --license-info Apache-2.0 \
    --compatible-runtimes $runtimes \
    --compatible-architectures $architectures \
    --zip-file "fileb://$zip" \
    --query LayerVersionArn --output text)
  layer_version=${arn##*:}
  case $layer_version in
    '' | *[!0-9]*) fail "$region: publish-layer-version answered '$arn', not a layer version ARN" ;;
  esac
  if [ "$public" = true ]; then
    aws_cli lambda add-layer-version-permission --region "$region" \
      --layer-name "$layer_name" --version-number "$layer_version" \
      --statement-id public --action lambda:GetLayerVersion --principal '*' >/dev/null
  fi
  for name in "$parameter_prefix/layer-arn" "$parameter_prefix/$version/layer-arn"; do
    aws_cli ssm put-parameter --region "$region" --name "$name" --type String --overwrite \
      --value "$arn" --description "ARN of the Lambda maintenance-window layer ($version)" >/dev/null
  done
  printf '%s\n' "$arn"
done
