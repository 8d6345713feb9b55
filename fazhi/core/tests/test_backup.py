"""`fazhi backup` and `fazhi restore` (issue 14 item 10): the round trip on the database the
tests run on (SQLite, or PostgreSQL with DATABASE_URL) keeps every row, attachment and
document, and case pages with their history render; foreign or damaged archives are refused."""

import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from fazhi.core import services
from fazhi.core.backup import MANIFEST, table_counts
from fazhi.core.models import Attachment, Unit
from fazhi.reconsideration.models import Document


def _download(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_backup_and_restore_round_trip(committed_demo, tmp_path):
    world = committed_demo
    attachment = Attachment.objects.order_by("pk").first()
    document = Document.objects.filter(case__isnull=False, status="issued").order_by("pk").first()
    assert attachment is not None and document is not None
    client = Client()
    client.force_login(world.admin)
    attachment_url = f"/attachments/{attachment.pk}/"
    document_url = f"/reconsideration/documents/{document.pk}/file/"
    case_url = f"/reconsideration/cases/{document.case_id}/"
    attachment_bytes = _download(client, attachment_url)
    document_bytes = _download(client, document_url)
    case_page = client.get(case_url).content.decode()
    assert "操作记录" in case_page and document.number in case_page
    counts = table_counts()

    archive = tmp_path / "fazhi.tar.gz"
    call_command("backup", str(archive))
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        manifest = json.load(opened.extractfile(MANIFEST))
    assert manifest["engine"] == connection.vendor and manifest["tables"] == counts
    assert not any("secret" in name for name in names)
    assert f"media/{attachment.file.name}" in names and f"media/{document.file.name}" in names
    with pytest.raises(CommandError, match="已存在"):
        call_command("backup", str(archive))

    # What happens after the backup is lost by the restore: a new unit, a damaged file.
    services.create_unit(
        actor=world.admin, name="备份后新建的街道", kind="township", parent=world.units["donghu"]
    )
    attachment.file.storage.delete(attachment.file.name)
    with document.file.open("wb") as damaged:
        damaged.write(b"damaged")

    call_command("restore", str(archive), "--noinput")

    assert table_counts() == counts
    assert not Unit.objects.filter(name="备份后新建的街道").exists()
    client = Client()
    client.force_login(world.admin)
    assert _download(client, attachment_url) == attachment_bytes
    assert _download(client, document_url) == document_bytes
    restored_page = client.get(case_url)
    assert restored_page.status_code == 200
    text = restored_page.content.decode()
    assert "操作记录" in text and document.number in text and "字段变更" in text


def _archive(path, manifest: dict, files: dict[str, bytes]) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in {MANIFEST: json.dumps(manifest).encode(), **files}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def _manifest(**changes) -> dict:
    from django.db.migrations.recorder import MigrationRecorder

    applied = MigrationRecorder(connection).applied_migrations()
    manifest = {
        "format": 1,
        "created_at": "2026-12-01T00:00:00+00:00",
        "engine": connection.vendor,
        "server_version": str(connection.pg_version) if connection.vendor == "postgresql" else "3",
        "migrations": sorted(f"{app}.{name}" for app, name in applied),
        "database": {"name": "database.dump", "sha256": "0" * 64},
        "tables": {},
        "media": {},
    }
    manifest.update(changes)
    return manifest


def test_restore_refuses_another_engine(db, tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    archive = tmp_path / "other.tar.gz"
    _archive(archive, _manifest(engine=other), {"database.dump": b"x"})
    before = table_counts()
    with pytest.raises(CommandError, match="不能恢复。请在同类数据库上恢复"):
        call_command("restore", str(archive), "--noinput")
    assert table_counts() == before


def test_restore_refuses_a_newer_schema(db, tmp_path):
    archive = tmp_path / "newer.tar.gz"
    migrations = [*_manifest()["migrations"], "core.9999_from_the_future"]
    _archive(archive, _manifest(migrations=migrations), {"database.dump": b"x"})
    with pytest.raises(CommandError, match="比当前程序新"):
        call_command("restore", str(archive), "--noinput")


def test_restore_refuses_a_damaged_archive(db, tmp_path):
    archive = tmp_path / "damaged.tar.gz"
    _archive(archive, _manifest(), {"database.dump": b"not what was hashed"})
    with pytest.raises(CommandError, match="校验值不符"):
        call_command("restore", str(archive), "--noinput")
    (tmp_path / "junk.tar.gz").write_bytes(b"junk")
    with pytest.raises(CommandError, match="不是本平台的备份文件"):
        call_command("restore", str(tmp_path / "junk.tar.gz"), "--noinput")
