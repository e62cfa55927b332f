#!/bin/bash
# A device's Telnet login for the configuration-backup tests, run by busybox telnetd (-l) on the
# connection's pty: Username and Password prompts (the password not echoed), three tries, then the
# CLI of device.sh. The accepted login is in ./user and ./password.
dir="$(dirname "$0")"
for _ in 1 2 3; do
  printf 'Username:'
  IFS= read -r user || exit 1
  stty -echo
  printf 'Password:'
  IFS= read -r pass || exit 1
  stty echo
  printf '\r\n'
  if [ "${user%$'\r'}" = "$(cat "$dir/user")" ] && [ "${pass%$'\r'}" = "$(cat "$dir/password")" ]; then
    exec /bin/bash "$dir/device.sh"
  fi
  printf 'Error: Authentication failed.\r\n'
done
exit 1
