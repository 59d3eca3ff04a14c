"""Print Odoo's requirements.txt adapted to this project's Python.

Odoo pins the versions of Debian/Ubuntu's packages. A few of those pins do
not install from PyPI on a current Python, and one collides with ours:

- cbor2 5.4.2 ships only an sdist that no longer builds: 5.4.6 is the same API.
- num2words: we need >= 0.5.14 for Kazakh (lang='kz'); requirements.txt has it.
- psycopg2 builds against libpq headers; psycopg2-binary is the same module.
- python-ldap builds against OpenLDAP headers and serves only auth_ldap.

Usage: python odoo_requirements.py ODOO_SRC/requirements.txt
"""

import re
import sys

# Exact pins that do not install, and what replaces them.
REPLACE = {
    "cbor2==5.4.2": "cbor2==5.4.6",
}
DROP = {"num2words", "python-ldap", "pypiwin32", "rl-renderpm"}
BINARY = {"psycopg2": "psycopg2-binary"}


def adapt(lines):
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name = re.split(r"[\s=<>!~;\[]", line, maxsplit=1)[0].lower()
        if name in DROP:
            continue
        pin = line.split(";", 1)[0].replace(" ", "").lower()
        if pin in REPLACE:
            line = line.replace(line.split(";", 1)[0].strip(), REPLACE[pin], 1)
        elif name in BINARY:
            line = BINARY[name] + line[len(name):]
        yield line


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        for requirement in adapt(handle):
            print(requirement)
