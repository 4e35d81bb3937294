#!/bin/sh
# Reproduce tests/schemas/sarif-2.1.0-rtm.5.json from the npm package that ships it.
# Needs npm and the npm registry; run by hand when updating, never by the test-suite
# (the tests stay offline and use the committed copy).
set -eu
VERSION="${1:-1.0.0-beta.0}"
EXPECTED_SHA256="2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "@microsoft/jest-sarif@$VERSION" >/dev/null
tar xzf microsoft-jest-sarif-*.tgz
cp package/lib/schemas/sarif-2.1.0-rtm.5.json "$here/sarif-2.1.0-rtm.5.json"
actual="$(sha256sum "$here/sarif-2.1.0-rtm.5.json" | cut -d' ' -f1)"
if [ "$VERSION" = "1.0.0-beta.0" ] && [ "$actual" != "$EXPECTED_SHA256" ]; then
  echo "sha256 mismatch: $actual (expected $EXPECTED_SHA256)" >&2
  exit 1
fi
echo "wrote $here/sarif-2.1.0-rtm.5.json ($actual)"
