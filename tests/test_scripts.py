"""scripts/pg.sh from a checkout that PostgreSQL's unprivileged user cannot
reach (as root, a clone in a `mktemp -d` folder or in /root): the cluster lives
outside, stop finds it, remove (make clean) takes it away. Needs root and
PostgreSQL's initdb, no Odoo; the throwaway checkout holds only the scripts.
"""

import glob
import os
import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
ELSEWHERE = Path("/var/lib/bagalau-pg")

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not (shutil.which("initdb") or glob.glob("/usr/lib/postgresql/*/bin/initdb")),
    reason="the fallback cluster is for root with PostgreSQL installed",
)


def pg(checkout, *args, **env):
    # The caller's own cluster settings must not leak into the throwaway one.
    base = {k: v for k, v in os.environ.items() if k not in ("PGDATA_DIR", "PG_SOCKET_DIR", "PG_OWNER")}
    return subprocess.run(
        ["bash", str(checkout / "scripts" / "pg.sh"), *args],
        cwd=checkout, env=base | env, capture_output=True, text=True, check=False,
    )


@pytest.fixture
def private_checkout(tmp_path):
    private = tmp_path / "private"
    private.mkdir()
    private.chmod(0o700)
    checkout = private / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    for name in ("lib.sh", "pg.sh"):
        shutil.copy2(PROJECT_DIR / "scripts" / name, checkout / "scripts" / name)
    yield checkout
    pg(checkout, "remove")


def test_cluster_of_an_unreachable_checkout_lives_outside_and_clean_removes_it(private_checkout):
    started = pg(private_checkout, "start")
    assert started.returncode == 0, started.stderr
    link = private_checkout / ".pgdata" / "cluster"
    assert link.is_symlink(), started.stdout
    cluster = Path(os.readlink(link))
    assert cluster.parent == ELSEWHERE
    assert f"creating the private PostgreSQL cluster in {cluster}: 'postgres'" in started.stdout
    assert (cluster / "PG_VERSION").is_file()
    assert (cluster / "server.log").is_file()
    assert not started.stderr, started.stderr

    selected = pg(private_checkout, "psql", "-d", "postgres", "-tAc", "select 1")
    assert selected.stdout.strip() == "1", selected.stderr
    assert pg(private_checkout, "stop").stdout.strip() == "==> private PostgreSQL stopped"
    assert pg(private_checkout, "status").returncode == 3
    assert pg(private_checkout, "start").returncode == 0, "the cluster elsewhere does not start again"

    removed = pg(private_checkout, "remove")
    assert removed.returncode == 0, removed.stderr
    assert f"removed the private PostgreSQL cluster in {cluster}" in removed.stdout
    assert not cluster.exists()
    assert not (private_checkout / ".pgdata").exists()


def test_pgdata_dir_that_postgres_cannot_reach_is_refused_in_one_sentence(private_checkout):
    data = private_checkout.parent / "data"
    result = pg(private_checkout, "start", PGDATA_DIR=str(data))
    assert result.returncode == 1
    assert result.stderr == (
        f"error: 'postgres', who runs PostgreSQL, cannot reach {data}; "
        "set PGDATA_DIR to a folder 'postgres' can reach, or leave it unset.\n"
    )
    assert not (private_checkout / ".pgdata").exists()
