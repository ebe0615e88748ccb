# mccig-server: create the mccig system user and tell systemd about the unit.
systemd-sysusers mccig.conf || useradd --system --home-dir /var/lib/mccig --shell /sbin/nologin mccig || :
if [ -d /run/systemd/system ]; then systemctl daemon-reload || :; fi
