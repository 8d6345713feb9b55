"""The architecture as DESIGN.md states it, read from the source with `ast`.

Imports run one way: core imports no work line and no statistics (nor the apps built on it);
indicators imports no work line (nor the apps reading the catalog); the reader imports no work
line (nor the annual report); no work line imports the annual report or the reader. Work
lines are the apps (a directory with apps.py) other than the shared ones. And every work line
has the same rooms, each a module or a package.
"""

import ast
from pathlib import Path

import pytest

from fazhi.core.worklines import ROOMS

# These tests read files only, but the session's demo (fazhi/conftest.py) wants the test
# database set up, which pytest-django does only for a session with a database test in it.
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]  # the fazhi package
# notifications: the inbox and e-mail of every line's due items, built on core alone.
# Background work (django-tasks) is the kit's own, fazhi/core/jobs: core's import page, the
# reader's batch reading and the report's PDF all hand work to it.
SHARED = {"core", "indicators", "annual_report", "report_reader", "statistics", "notifications"}
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))
LINES = sorted(set(APPS) - SHARED)
FORBIDDEN = {
    "core": set(LINES) | {"indicators", "annual_report", "report_reader", "statistics"},
    "indicators": set(LINES) | {"annual_report", "statistics"},
    "report_reader": set(LINES) | {"annual_report"},
    **{line: {"annual_report", "report_reader"} for line in LINES},
}


def source_modules(app: str):
    """The app's modules that run in production: not its tests, not its migrations."""
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" not in parts and "migrations" not in parts:
            yield path


def imported_modules(path: Path) -> set[str]:
    """Dotted names of what the module imports, relative imports resolved."""
    package = ["fazhi", *path.relative_to(ROOT).parts[:-1]]  # an __init__.py's is its own
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            if "." in module:
                names.add(module)
            else:  # `from fazhi import reconsideration` names the app in the alias
                names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def wrong_way_imports(app: str) -> list[str]:
    found = []
    for path in source_modules(app):
        for name in sorted(imported_modules(path)):
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "fazhi" and parts[1] in FORBIDDEN[app]:
                found.append(f"fazhi/{path.relative_to(ROOT)} imports {name}")
    return found


def test_the_apps_are_found():
    assert {"core", "indicators", "annual_report", "report_reader"} <= set(APPS)
    assert {"reconsideration", "litigation", "enforcement"} <= set(LINES)


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_imports_run_one_way(app):
    assert wrong_way_imports(app) == []


def missing_rooms(line: str) -> list[str]:
    app = ROOT / line
    missing = [
        f"{room}.py"
        for room in ROOMS
        if not (app / f"{room}.py").is_file() and not (app / room / "__init__.py").is_file()
    ]
    if not (app / "templates" / line).is_dir():
        missing.append(f"templates/{line}/")
    if not (app / "tests" / "__init__.py").is_file():
        missing.append("tests/")
    return missing


@pytest.mark.parametrize("line", LINES)
def test_every_work_line_has_its_rooms(line):
    assert missing_rooms(line) == []


def test_a_room_may_be_a_package(tmp_path, monkeypatch):
    app = tmp_path / "mediation"
    for room in ROOMS[:-2]:
        (app / room).mkdir(parents=True)
        (app / room / "__init__.py").write_text("")
    (app / "urls.py").write_text("")
    (app / "templates" / "mediation").mkdir(parents=True)
    (app / "tests").mkdir()
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert missing_rooms("mediation") == ["api.py", "tests/"]


def test_the_checks_see_relative_and_package_imports(tmp_path, monkeypatch):
    """The reading of imports itself: relative imports resolve, `from fazhi import x` counts."""
    app = tmp_path / "indicators"
    (app / "sub").mkdir(parents=True)
    (app / "sub" / "__init__.py").write_text("from ...reconsideration import models\n")
    (app / "sub" / "deep.py").write_text("from fazhi import litigation\nfrom . import x\n")
    (app / "tests").mkdir()
    (app / "tests" / "test_x.py").write_text("import fazhi.enforcement.models\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert wrong_way_imports("indicators") == [
        "fazhi/indicators/sub/__init__.py imports fazhi.reconsideration",
        "fazhi/indicators/sub/deep.py imports fazhi.litigation",
    ]
