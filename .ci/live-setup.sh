#!/bin/sh
# Prepares a Debian 12 machine (as root, no registry reachable) for `npm run test:live`:
# podman for real Pods with an infra container, and a local busybox image built from the
# static busybox binary, because no image can be pulled. Safe to run again.
set -eu

if [ "$(id -u)" != 0 ]; then
	echo "live-setup: run as root (it installs packages and writes /etc/containers)" >&2
	exit 1
fi

if ! command -v podman >/dev/null 2>&1 || ! command -v runc >/dev/null 2>&1 || [ ! -x /bin/busybox ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update
	apt-get install -y podman runc busybox-static
fi

# podman's default nofile rlimit (1048576) is above this machine's hard limit, and every
# container start then fails with "error setting rlimit type 7".
# crun (podman's default runtime) refuses these machines' hybrid cgroup v1 + v2 mounts
# ("cgroups in hybrid mode not supported"); runc runs them.
mkdir -p /etc/containers
conf=/etc/containers/containers.conf
wanted='[containers]
default_ulimits = []

[engine]
runtime = "runc"'
if [ "$(cat "$conf" 2>/dev/null)" != "$wanted" ]; then
	printf '%s\n' "$wanted" > "$conf"
fi

image=localhost/busybox:tutor
if ! podman image exists "$image"; then
	root=$(mktemp -d)
	trap 'rm -rf "$root"' EXIT
	mkdir -p "$root/rootfs/bin" "$root/rootfs/proc" "$root/rootfs/sys" "$root/rootfs/dev" \
		"$root/rootfs/etc" "$root/rootfs/tmp"
	cp /bin/busybox "$root/rootfs/bin/"
	for applet in sh ls cat ps sleep wget readlink hostname httpd date kill; do
		ln -sf busybox "$root/rootfs/bin/$applet"
	done
	tar -C "$root/rootfs" -cf "$root/busybox.tar" .
	podman import --change "ENV PATH=/bin" "$root/busybox.tar" "$image"
fi

podman image exists "$image"
echo "live-setup: podman $(podman version --format '{{.Client.Version}}') and $image are ready"
