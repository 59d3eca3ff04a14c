#!/usr/bin/env bash
# make pot: refresh each addon's i18n/<addon>.pot from the code, after
# updating the addons in the 'bagalau' database. Translators then merge the
# new terms into kk.po and ru.po (msgmerge, or Odoo's import/export wizard).
source "$(dirname "$0")/lib.sh"
IFS=, read -r -a addons <<<"$ADDONS"
bash "$PROJECT_DIR/scripts/odoo.sh" -d "$DB_NAME" -u "$ADDONS" --stop-after-init --log-level=warn
for addon in "${addons[@]}"; do
    bash "$PROJECT_DIR/scripts/odoo.sh" -d "$DB_NAME" --modules="$addon" --stop-after-init --log-level=warn \
        --i18n-export="$PROJECT_DIR/$addon/i18n/$addon.pot"
    say "$addon/i18n/$addon.pot"
done
