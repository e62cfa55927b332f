#!/bin/bash
# A network device's CLI for the configuration-backup tests, run by sshd's ForceCommand: the vendor
# named in ./vendor, the configuration in ./config, where @NOW@ becomes the time of each answer (a
# volatile line, as devices print them).
dir="$(dirname "$0")"
vendor="$(cat "$dir/vendor")"
case "$vendor" in
  huawei-vrp) prompt='<HUAWEI>' paging='screen-length 0 temporary' show='display current-configuration' quit=quit
    bad="Error: Unrecognized command found at '^' position." ;;
  h3c-comware) prompt='<H3C>' paging='screen-length disable' show='display current-configuration' quit=quit
    bad="% Unrecognized command found at '^' position." ;;
  *) prompt='Router#' paging='terminal length 0' show='show running-config' quit=exit
    bad="% Invalid input detected at '^' marker." ;;
esac
printf 'Info: The max number of VTY users is 10.\n\n'
while printf '%s' "$prompt" && IFS= read -r line; do
  line="${line%$'\r'}"
  case "$line" in
    "$paging" | "terminal width 0" | "") ;;
    "$show") sed "s/@NOW@/$(date '+%Y-%m-%d %H:%M:%S.%N')/g" "$dir/config" ;;
    "$quit") exit 0 ;;
    *) echo "$bad" ;;
  esac
done
