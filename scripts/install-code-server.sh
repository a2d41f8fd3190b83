#!/usr/bin/env bash
# Installs VS Code in the browser (code-server 4.100.3 = VS Code 1.100.3, the newest that runs
# on Node 20) into .cache/code-server, for the editor test suite. Nothing is downloaded but
# packages from the npm registry:
# - its ripgrep postinstall would download rg: a cache is seeded from @vscode/ripgrep-linux-x64;
# - npm 11 blocks dependency install scripts unless allowed, and refuses an allow-list passed
#   down from a parent npm, so the steps of code-server's own postinstall are run here, each
#   with a project-scoped .npmrc naming the native modules it must build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD/.cache/code-server
bin=$root/node_modules/.bin/code-server
vscode=$root/node_modules/code-server/lib/vscode
if [ -x "$bin" ] && [ -e "$vscode/node_modules.asar" ] && [ -e "$root/.installed" ]; then
  echo "code-server: already installed in $root"; exit 0
fi
need=()
command -v chromium >/dev/null || need+=(chromium)
[ -e /usr/include/krb5.h ] || [ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "code-server: installing Debian packages: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

tmp=${TMPDIR:-/tmp}
cache=$tmp/vscode-ripgrep-cache-1.15.11
if [ ! -f "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent @vscode/ripgrep-linux-x64 >/dev/null && tar xzf vscode-ripgrep-linux-x64-*.tgz)
  mkdir -p "$cache"
  tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$work/package/bin" rg
  rm -rf "$work"
fi

rm -rf "$root" && mkdir -p "$root"
cd "$root"
echo '{ "private": true }' > package.json
echo "code-server: installing (about a minute)…"
npm install --no-save --no-audit --no-fund --ignore-scripts code-server@4.100.3 >/dev/null
(cd node_modules/argon2 && npm_config_nodedir=${npm_config_nodedir:-/usr} ../.bin/node-pre-gyp install --fallback-to-build >/dev/null 2>&1)
cd "$vscode"
printf 'allow-scripts=@parcel/watcher,@vscode/deviceid,@vscode/ripgrep,@vscode/spdlog,kerberos,native-watchdog,node-pty\nyes=true\n' > .npmrc
npm_config_yes=true npm install --omit=dev --no-audit --no-fund >/dev/null 2>&1
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm_config_yes=true npm install --omit=dev --no-audit --no-fund >/dev/null 2>&1)
touch "$root/.installed"
echo "code-server: installed in $root"
