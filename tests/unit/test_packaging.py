"""A built wheel carries the migrations and resources, and finds them once installed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from pathlib import Path

def spanish():
    # The shipped .ts compiled on first use (PySide6's lrelease), then loaded.
    from PySide6.QtCore import QCoreApplication
    from intake.ui import i18n
    app = QCoreApplication([])
    cache = Path(sys.argv[1]).parent / "i18n-cache"
    i18n.install(app, "es", cache=cache)
    return [
        str(i18n.compiled_qm("es", cache=cache)),
        QCoreApplication.translate("SignIn", "Sign in"),
    ]

import intake
from intake.db.engine import create_database_engine
from intake.db import migrate
from intake.resources_path import resource, migrations_dir
engine = create_database_engine("sqlite+pysqlite:///" + sys.argv[1])
migrate.upgrade(engine)
print(json.dumps({
    "package": intake.__file__,
    "migrations": migrations_dir(),
    "revision": migrate.current_revision(engine),
    "checklists": sorted(p.name for p in resource("screening").iterdir()),
    "style": resource("style.qss").is_file(),
    "spanish": spanish(),
}))
"""


@pytest.mark.slow
def test_wheel_ships_migrations_and_resources_and_finds_them(tmp_path: Path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    (wheel,) = wheels.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "intake/migrations/env.py" in names
    assert "intake/migrations/versions/0001_initial_schema.py" in names
    assert "intake/resources/screening/neck-headache-1.toml" in names
    assert "intake/resources/screening/neck-headache-1.es.toml" in names  # its Spanish texts
    assert "intake/resources/style.qss" in names
    assert "intake/resources/i18n/intake_es.ts" in names  # the interface in Spanish
    assert not any(name.startswith(("tests/", "migrations/", "resources/")) for name in names)
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "intake").rglob("*.py")}
    assert modules - names == set()  # every module of the package is in the wheel
    sheets = {f"intake/resources/{p.name}" for p in (ROOT / "resources").glob("*.qss")}
    assert sheets - names == set()

    target = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # The installed copy must win over the editable checkout: run from elsewhere with it first.
    env = dict(os.environ, PYTHONPATH=str(target))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "probe.sqlite3")],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    import json

    found = json.loads(done.stdout)
    assert found["package"].startswith(str(target))
    assert found["migrations"].startswith(str(target))
    assert found["revision"] is not None
    assert "neck-headache-1.toml" in found["checklists"]
    assert found["style"]
    qm, sign_in = found["spanish"]
    assert qm.startswith(str(tmp_path / "i18n-cache")) and sign_in == "Iniciar sesión"


def test_editable_install_finds_the_repository_folders():
    from intake.resources_path import migrations_dir, resource

    assert Path(migrations_dir()).resolve() == (ROOT / "migrations").resolve()
    assert resource("screening", "neck-headache-1.toml").is_file()
