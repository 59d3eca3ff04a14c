#!/usr/bin/env bash
# Debian packages that Odoo uses beside Python: Chromium runs the HttpCase
# tours headless, wkhtmltopdf prints the QWeb PDF forms. Installed when
# missing and we are root; otherwise one sentence says what to install.
source "$(dirname "$0")/lib.sh"

missing=()
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || missing+=(chromium)
command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's ${missing[*]}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" fonts-dejavu-core; } \
        >/dev/null 2>&1 || die "apt-get could not install ${missing[*]}; install them by hand (apt-get install ${missing[*]}) and run again."
else
    die "${missing[*]} not installed; install Debian's packages (sudo apt-get install ${missing[*]}) and run again."
fi
