#!/usr/bin/env bash
# Walks through the README's "Install in a project" from a git URL, as a user would before the
# package is on the registry: a bare clone of this checkout's HEAD stands for the git host, and
# the package is installed pinned to the commit. Then `npx copydesk` on the seed article, and the
# same through a `.remarkrc.mjs` that imports 'copydesk'. Prints each command's exit code and
# fails on the first that is wrong. Not a test: npm builds the package while packing the git
# checkout (its devDependencies, tsc, the bundle), two to three minutes and the npm registry.
#   usage: scripts/try-git-install.sh [checkout]   (default: this script's checkout)
set -u
checkout=$(cd "${1:-$(dirname "$0")/..}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
step() { echo "\$ $*"; }

git clone -q --bare "$checkout" "$work/copydesk.git" || fail 'git clone --bare'
sha=$(git --git-dir="$work/copydesk.git" rev-parse HEAD)
mkdir "$work/project" && cd "$work/project" || exit 1
npm init -y >/dev/null || fail 'npm init'

# The README's first step: allow copydesk's build (its `prepare`), keyed by the git URL.
step npm pkg set "allowScripts[git+file://$work/copydesk.git]=true" --json
npm pkg set "allowScripts[git+file://$work/copydesk.git]=true" --json || fail 'npm pkg set allowScripts'
step npm install --save-dev "git+file://$work/copydesk.git#$sha"
npm install --save-dev "git+file://$work/copydesk.git#$sha" >install.log 2>&1
code=$?
sed 's/^/  /' install.log
echo "  exit $code"
[ "$code" = 0 ] || fail 'npm install from the git URL'
grep -q 'not yet covered by allowScripts' install.log && fail 'npm warned that the allowScripts entry does not cover the build'
[ -f node_modules/copydesk/dist/bundle/preset.js ] || fail 'installed without dist/: the package was not built'
echo '  dist/ built: yes'

cp "$checkout/articles/shanghai-tech.md" article.md
step npx copydesk --format json article.md
npx copydesk --format json article.md >report.json 2>npx.err
code=$?
echo "  exit $code, $(node -e "console.log(JSON.parse(require('fs').readFileSync('report.json', 'utf8'))[0].messages.length)") findings"
[ "$code" = 0 ] || { cat npx.err; fail 'npx copydesk'; }

# Only the statistic rule, so a config that was not read (all rules on) would show.
printf "import copydesk from 'copydesk'\n\nexport default {plugins: [[copydesk, {rules: {'currency-consistency': 'off', 'off-topic-insert': 'off', 'unsupported-superlative': 'off', 'vague-attribution': 'off', readability: 'off'}}]]}\n" >.remarkrc.mjs
step "node_modules/.bin/copydesk --format json article.md   (.remarkrc.mjs imports 'copydesk')"
node_modules/.bin/copydesk --format json article.md >config.json 2>config.err
code=$?
rules=$(node -e "console.log([...new Set(JSON.parse(require('fs').readFileSync('config.json', 'utf8'))[0].messages.map((m) => m.ruleId))].join(' '))")
echo "  exit $code, rules reported: $rules"
[ "$code" = 0 ] || { cat config.err; fail 'copydesk with .remarkrc.mjs'; }
[ "$rules" = unattributed-statistic ] || fail 'the .remarkrc.mjs that imports copydesk was not applied'
echo OK
