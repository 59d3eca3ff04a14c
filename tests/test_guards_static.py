"""No guard of the addons is lifted by a context key: Odoo's context is
client input, any JSON-RPC caller sends any key. The server's own code lifts
a guard by running as superuser (``self.env.su``) in a method the client
cannot call. The context keys the models read carry data (a batch size),
never a permission; a new key has to be added here, with its reason."""

import re
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
MODEL_FILES = sorted(PROJECT_DIR.glob("hr_bagalau*/models/*.py")) + sorted(PROJECT_DIR.glob("hr_bagalau*/wizards/*.py"))

# Key read from the context → why it is no guard.
DATA_KEYS = {
    "bagalau_launch_batch": "how many employees a launch processes at once, not who may launch",
    "active_model": "which documents the print wizard prints; it prints only what the user may read",
    "active_ids": "which documents the print wizard prints; it prints only what the user may read",
    "bagalau_quiet_todos": "read with self.env.su only: whether the launch's to-dos send one e-mail each (Odoo's own "
                           "mail_activity_quick_update does the same), not whether they are made",
}
_READ = re.compile(r"""context(?:\.get\(\s*|\[\s*)["'](?P<key>\w+)["']""")


def _keys_read(text):
    return {match["key"] for match in _READ.finditer(text)}


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda path: str(path.relative_to(PROJECT_DIR)))
def test_no_context_key_lifts_a_guard(path):
    unknown = _keys_read(path.read_text(encoding="utf-8")) - set(DATA_KEYS) - {"active_test", "lang", "tz"}
    assert not unknown, f"{path.name} reads context keys {sorted(unknown)}: a guard must check self.env.su"


def test_the_keys_once_used_as_bypasses_are_gone():
    text = "\n".join(path.read_text(encoding="utf-8") for path in MODEL_FILES)
    for key in ("bagalau_sheet_unlock", "bagalau_campaign_state", "bagalau_preset_load", "install_mode"):
        assert key not in text, key


def test_the_scan_finds_what_it_looks_for():
    assert _keys_read('x = self.env.context.get("bagalau_sheet_unlock")') == {"bagalau_sheet_unlock"}
    assert _keys_read("self._context['install_mode']") == {"install_mode"}
