"""Backup and restore of one instance: the database in its engine's own format (the SQLite
online backup API, pg_dump's custom format) and the files under var/media (attachments and
issued 文书), in one tar archive with a manifest of row counts and SHA-256 hashes.

The secret key is not in the archive: whoever holds a backup must not be able to forge
sessions and signed links with it. Keep var/secret_key (or FAZHI_SECRET_KEY) apart.
Restore runs with the platform stopped; it refuses an archive of another engine, of a newer
PostgreSQL server or of a newer schema than the code, and checks every hash before it
touches anything.
"""

import datetime
import glob
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BackupError(Exception):
    """A backup or restore refused, with a Chinese message for the operator."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def table_counts() -> dict[str, int]:
    """Rows of every table of the database (the platform's and its libraries')."""
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _server_version() -> str:
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        return str(connection.pg_version)  # e.g. 150004: major version × 10000
    return sqlite3.sqlite_version


def _media_files() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): _sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


# PostgreSQL's own tools, of the newest installed version (pg_dump must not be older than
# the server).
def _pg_tool(name: str) -> str:
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    found = candidates[-1] if candidates else shutil.which(name)
    if not found:
        raise BackupError(f"找不到 PostgreSQL 工具 {name}，请安装 postgresql-client")
    return found


def _pg_arguments() -> tuple[list[str], dict]:
    db = connection.settings_dict
    arguments = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        arguments += ["--host", db["HOST"]]
    if db.get("PORT"):
        arguments += ["--port", str(db["PORT"])]
    if db.get("USER"):
        arguments += ["--username", db["USER"]]
    environment = {**os.environ}
    if db.get("PASSWORD"):
        environment["PGPASSWORD"] = db["PASSWORD"]
    return arguments, environment


def _run(command: list[str], environment: dict) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} 失败：{result.stderr.strip()[-500:]}")


def _dump_database(target: Path) -> None:
    if connection.vendor == "postgresql":
        arguments, environment = _pg_arguments()
        _run(
            [_pg_tool("pg_dump"), "--format=custom", "--file", str(target), *arguments], environment
        )
        return
    # The online backup API copies a consistent snapshot while the platform keeps serving.
    source = sqlite3.connect(connection.settings_dict["NAME"])
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _engine() -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"不支持备份 {connection.vendor} 数据库")
    return connection.vendor


def create_backup(path: Path) -> dict:
    """Write the archive at `path` (which must not exist); returns its manifest."""
    path = Path(path)
    if path.exists():
        raise BackupError(f"“{path}”已存在，不覆盖已有的备份")
    engine = _engine()
    with tempfile.TemporaryDirectory(dir=path.parent if path.parent.exists() else None) as work:
        dump = Path(work) / DUMP_NAMES[engine]
        _dump_database(dump)
        recorder = MigrationRecorder(connection)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "engine": engine,
            "server_version": _server_version(),
            "migrations": sorted(f"{app}.{name}" for app, name in recorder.applied_migrations()),
            "database": {"name": dump.name, "sha256": _sha256(dump)},
            "tables": table_counts(),
            "media": _media_files(),
            "secret_key": "不在备份中：请另行保管 var/secret_key 或环境变量 FAZHI_SECRET_KEY",
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=dump.name)
            for name in manifest["media"]:
                archive.add(Path(settings.MEDIA_ROOT) / name, arcname=f"{MEDIA}/{name}")
        partial.rename(path)  # a backup cut off midway never looks complete
    return manifest


def read_manifest(path: Path) -> dict:
    try:
        with tarfile.open(path, "r:*") as archive:
            return json.load(archive.extractfile(MANIFEST))
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"“{path}”不是本平台的备份文件：{error}") from error


def _check_compatible(manifest: dict) -> list[str]:
    """Refuse what this instance cannot take; return notes for the operator."""
    if manifest.get("format") != FORMAT:
        raise BackupError(f"备份格式版本 {manifest.get('format')} 不受支持（本程序为 {FORMAT}）")
    engine = _engine()
    if manifest["engine"] != engine:
        raise BackupError(
            f"该备份来自 {ENGINE_LABELS.get(manifest['engine'], manifest['engine'])} 数据库，"
            f"当前数据库为 {ENGINE_LABELS[engine]}，不能恢复。请在同类数据库上恢复。"
        )
    if engine == "postgresql":
        backup_major = int(manifest["server_version"]) // 10000
        current_major = int(_server_version()) // 10000
        if backup_major > current_major:
            raise BackupError(
                f"该备份来自 PostgreSQL {backup_major}，当前服务器为 PostgreSQL {current_major}，"
                "不能恢复到较旧版本的服务器"
            )
    known = {f"{app}.{name}" for app, name in MigrationLoader(None).graph.nodes}
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        raise BackupError(
            f"该备份的数据结构比当前程序新（如 {unknown[0]}），请用备份时的程序版本恢复"
        )
    if set(manifest["migrations"]) != known:
        return ["该备份的数据结构比当前程序旧：恢复后请运行 fazhi migrate"]
    return []


def _extract_checked(path: Path, manifest: dict, work: Path) -> None:
    expected = {manifest["database"]["name"]: manifest["database"]["sha256"]}
    expected.update({f"{MEDIA}/{name}": digest for name, digest in manifest["media"].items()})
    with tarfile.open(path, "r:*") as archive:
        members = {m.name: m for m in archive.getmembers() if m.isfile()}
        missing = sorted(set(expected) - set(members))
        if missing:
            raise BackupError(f"备份不完整，缺少“{missing[0]}”")
        archive.extractall(work, members=[members[name] for name in expected], filter="data")
    for name, digest in expected.items():
        if _sha256(work / name) != digest:
            raise BackupError(f"备份已损坏：“{name}”的校验值不符")


def _load_database(dump: Path) -> None:
    connection.close()  # nothing of the old database may stay open across the swap
    if connection.vendor == "postgresql":
        arguments, environment = _pg_arguments()
        command = [_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner"]
        _run([*command, "--single-transaction", *arguments, str(dump)], environment)
        return
    # One backup step copies every page inside one transaction of the destination.
    source = sqlite3.connect(dump)
    destination = sqlite3.connect(connection.settings_dict["NAME"], timeout=30)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _replace_media(extracted: Path) -> None:
    root = Path(settings.MEDIA_ROOT)
    previous = root.with_name(root.name + ".before-restore")
    if previous.exists():
        shutil.rmtree(previous)
    if root.exists():
        root.rename(previous)
    if extracted.exists():
        shutil.move(str(extracted), root)
    else:
        root.mkdir(parents=True)
    if previous.exists():
        shutil.rmtree(previous)


def restore_backup(path: Path) -> list[str]:
    """Replace the database and var/media with the archive's; returns notes for the operator."""
    manifest = read_manifest(Path(path))
    notes = _check_compatible(manifest)
    root = Path(settings.MEDIA_ROOT)
    root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root.parent) as work:
        work = Path(work)
        _extract_checked(Path(path), manifest, work)
        _load_database(work / manifest["database"]["name"])
        _replace_media(work / MEDIA)
    counts = table_counts()
    differing = sorted(t for t, n in manifest["tables"].items() if counts.get(t) != n)
    if differing:
        raise BackupError(f"恢复后“{differing[0]}”的记录数与备份不符")
    cache.clear()  # figures cached from the replaced data must not be shown
    return notes
