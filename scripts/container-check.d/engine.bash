# shellcheck shell=bash
# Sourced by scripts/container-check: a private Docker engine in $WORK, the local Debian base
# image, and putting back what the engine changed on the host. Expects WORK and LOGS.

# Paths the engine creates outside its own directories; removed afterwards if new.
ENGINE_HOST_PATHS=(/etc/docker/key.json /opt/containerd /run/docker /run/containerd)

# The host's iptables as iptables-save prints them, without counters. Only iptables-save: with the
# nf_tables backend, listing a table that does not exist yet (iptables -t nat -S) creates it.
iptables_state() { iptables-save | sed -e '/^#/d' -e 's/ *\[[0-9]*:[0-9]*\]$//'; }
iptables_tables() { iptables-save | sed -n 's/^\*//p'; }

# Record what dockerd will change: bridges, iptables, ip_forward, stray paths.
host_snapshot() {
  if ip link show docker0 >/dev/null 2>&1; then
    echo "a docker0 bridge exists: another engine runs here; stop it first" >&2
    return 1
  fi
  ip -o link show | awk -F': ' '{ sub(/@.*/, "", $2); print $2 }' >"$WORK/host.links"
  cat /proc/sys/net/ipv4/ip_forward >"$WORK/host.ip_forward"
  iptables_state >"$WORK/host.iptables"
  iptables_tables >"$WORK/host.iptables.tables"
  local table path
  while read -r table; do
    iptables -t "$table" -S >"$WORK/host.iptables.$table"
  done <"$WORK/host.iptables.tables"
  for path in "${ENGINE_HOST_PATHS[@]}"; do
    if [ -e "$path" ]; then echo "$path"; fi
  done >"$WORK/host.paths"
}

# Undo what host_snapshot recorded, after the engine has stopped. Best effort, never exits.
host_restore() {
  [ -f "$WORK/host.links" ] || return 0
  local link table chain path
  local -a rule
  # Bridges the engine made (docker0, br-<network id>).
  for link in $(ip -o link show type bridge | awk -F': ' '{ sub(/@.*/, "", $2); print $2 }'); do
    grep -qxF "$link" "$WORK/host.links" || ip link delete "$link"
  done
  for table in $(iptables_tables); do
    if ! grep -qxF "$table" "$WORK/host.iptables.tables"; then
      # A table the engine created: delete it whole (iptables itself cannot delete a table).
      if iptables --version | grep -q nf_tables; then nft delete table ip "$table"; else
        iptables -t "$table" -F && iptables -t "$table" -X; fi
      continue
    fi
    iptables -t "$table" -S >"$WORK/after.iptables.$table"
    # New rules first (they reference the new chains), then the now empty new chains.
    grep '^-A ' "$WORK/after.iptables.$table" | grep -vxFf "$WORK/host.iptables.$table" |
      while read -ra rule; do iptables -t "$table" -D "${rule[@]:1}"; done
    grep '^-N ' "$WORK/after.iptables.$table" | grep -vxFf "$WORK/host.iptables.$table" |
      while read -r _ chain; do iptables -t "$table" -F "$chain" && iptables -t "$table" -X "$chain"; done
    # Policies as they were (dockerd sets FORWARD to DROP).
    grep '^-P ' "$WORK/host.iptables.$table" |
      while read -ra rule; do iptables -t "$table" "${rule[@]}"; done
  done
  cat "$WORK/host.ip_forward" >/proc/sys/net/ipv4/ip_forward
  for path in "${ENGINE_HOST_PATHS[@]}"; do
    grep -qxF "$path" "$WORK/host.paths" || rm -rf "$path"
  done
}

# After host_restore: prints what still differs from the snapshot; fails if anything does.
host_unchanged() {
  [ -f "$WORK/host.links" ] || return 0
  local status=0
  diff "$WORK/host.iptables" <(iptables_state) | sed 's/^/iptables: /' || status=1
  diff "$WORK/host.links" <(ip -o link show | awk -F': ' '{ sub(/@.*/, "", $2); print $2 }') |
    sed 's/^/links: /' || status=1
  diff "$WORK/host.ip_forward" /proc/sys/net/ipv4/ip_forward | sed 's/^/ip_forward: /' || status=1
  return "$status"
}

# Start dockerd with everything under $WORK/engine; export DOCKER_HOST for the clients.
engine_start() {
  local dir="$WORK/engine"
  mkdir -p "$dir"
  dockerd --storage-driver overlay2 --data-root "$dir/root" --exec-root "$dir/exec" \
    -H "unix://$dir/docker.sock" --pidfile "$dir/dockerd.pid" >"$LOGS/dockerd.log" 2>&1 &
  DOCKERD_PID=$!
  export DOCKER_HOST="unix://$dir/docker.sock"
  local i
  for i in $(seq 1 100); do
    docker version >/dev/null 2>&1 && return 0
    kill -0 "$DOCKERD_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "dockerd did not come up (attempt $i); its log:" >&2
  tail -20 "$LOGS/dockerd.log" >&2
  return 1
}

# Stop dockerd by its PID (it stops its containers and its containerd), then unmount leftovers.
engine_stop() {
  [ -n "${DOCKERD_PID:-}" ] || return 0
  local i pidfile="$WORK/engine/exec/containerd/containerd.pid" containerd_pid=""
  [ -f "$pidfile" ] && containerd_pid=$(cat "$pidfile")
  kill -TERM "$DOCKERD_PID" 2>/dev/null
  for i in $(seq 1 150); do
    kill -0 "$DOCKERD_PID" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL "$DOCKERD_PID" 2>/dev/null
  wait "$DOCKERD_PID" 2>/dev/null
  if [ -n "$containerd_pid" ] && kill -0 "$containerd_pid" 2>/dev/null; then
    kill -TERM "$containerd_pid"
    sleep 1
  fi
  DOCKERD_PID=""
  # Deepest first: overlay mounts, network namespaces, shm.
  findmnt -rn -o TARGET | grep -F "$WORK/" | sort -r | while read -r path; do
    umount "$path" 2>/dev/null || umount -l "$path"
  done
}

# The apt mirror of this machine, read from its sources (never written into the repository).
apt_mirror() {
  local uri=""
  if compgen -G '/etc/apt/sources.list.d/*.sources' >/dev/null; then
    uri=$(awk 'FNR == 1 { if (s && u && !f) { print u; f = 1 } s = 0; u = "" }
               /^URIs:/ { u = $2 }
               /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") s = 1 }
               /^[[:space:]]*$/ { if (s && u && !f) { print u; f = 1 } s = 0; u = "" }
               END { if (s && u && !f) print u }' /etc/apt/sources.list.d/*.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\) bookworm .*/\2/p;T;q' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { echo "no bookworm mirror in this machine's apt sources" >&2; return 1; }
  echo "$uri"
}

# debian:bookworm-slim made locally (no registry): debootstrap minbase, trimmed like the
# official slim image (no docs, man pages, locales, apt lists), with this machine's sources
# and its local CA certificates.
make_base_image() {
  local root="$WORK/rootfs" mirror file
  mirror=$(apt_mirror)
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$LOGS/debootstrap.log" 2>&1 || {
    tail -20 "$LOGS/debootstrap.log" >&2
    return 1
  }
  # Only the Debian sources: a third-party repository's keyring is not in the image.
  rm -f "$root/etc/apt/sources.list"
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
    if [ -f "$file" ] && grep -qw bookworm "$file"; then cp "$file" "$root$file"; fi
  done
  # This machine's locally added CA certificates (as behind a TLS-inspecting proxy): an image that
  # installs ca-certificates then trusts them too, and npm reaches the registry as on the host.
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  fi
  cat >"$root/etc/dpkg/dpkg.cfg.d/slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/locale/*
EOF
  find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$root"/usr/share/{man,info,groff,lintian,locale}/* "$root"/var/cache/apt/* \
    "$root"/var/lib/apt/lists/* "$root"/var/cache/debconf/*-old "$root"/var/log/*.log
  tar --numeric-owner -C "$root" -cf - . |
    docker import --change 'CMD ["bash"]' - debian:bookworm-slim >/dev/null
  rm -rf "$root"
}
