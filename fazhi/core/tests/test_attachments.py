"""Attachments: only real files of the allowed types, stored with their hash, served in scope."""

import hashlib
import io
import struct
import zipfile
import zlib

import filetype
import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import services
from fazhi.core.models import Attachment

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
JPG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    + b"\x00" * 32
    + b"\xff\xd9"
)


def _png() -> bytes:
    """A 1×1 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>职能配置</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
    return buffer.getvalue()


def _xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["单位", "人数"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD_FILES = {
    "职能配置.pdf": (PDF, "application/pdf"),
    "照片.png": (_png(), "image/png"),
    "照片.jpg": (JPG, "image/jpeg"),
    "通知.docx": (
        _docx(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "台账.xlsx": (_xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@pytest.mark.parametrize("name", GOOD_FILES)
def test_sample_files_are_what_their_names_say(name):
    data, mime = GOOD_FILES[name]
    assert filetype.guess(data).mime == mime


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def _download(client, attachment):
    return client.get(f"/attachments/{attachment.pk}/")


# Through the service.


@pytest.mark.parametrize("name", GOOD_FILES)
def test_admin_attaches_each_allowed_type(demo, name):
    data, mime = GOOD_FILES[name]
    unit = demo.units["donghu_justice"]
    attachment = services.attach_file(
        actor=demo.admin, target=unit, uploaded_file=_upload(name, data)
    )
    attachment.refresh_from_db()
    assert attachment.target == unit
    assert attachment.unit == unit
    assert attachment.original_name == name
    assert attachment.content_type == mime
    assert attachment.size == len(data)
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    with attachment.file.open("rb") as stored:
        assert stored.read() == data


def test_unit_admin_attaches_to_a_unit_of_the_own_district(demo):
    unit = demo.units["donghu_enf0"]
    attachment = services.attach_file(
        actor=demo.users["donghu_admin"], target=unit, uploaded_file=_upload("a.pdf", PDF)
    )
    assert attachment.unit == unit
    assert attachment.uploaded_by == demo.users["donghu_admin"]


def test_unit_admin_may_not_attach_in_another_district(demo):
    before = Attachment.objects.count()
    with pytest.raises(PermissionDenied, match="无权"):
        services.attach_file(
            actor=demo.users["donghu_admin"],
            target=demo.units["xishan_justice"],
            uploaded_file=_upload("a.pdf", PDF),
        )
    assert Attachment.objects.count() == before


def test_officer_may_not_attach_to_a_unit(demo):
    before = Attachment.objects.count()
    with pytest.raises(PermissionDenied, match="无权"):
        services.attach_file(
            actor=demo.users["donghu_officer"],
            target=demo.units["donghu_justice"],
            uploaded_file=_upload("a.pdf", PDF),
        )
    assert Attachment.objects.count() == before


REFUSED = [
    pytest.param("病毒.exe", b"MZ\x90\x00" + b"\x00" * 60, "类型不允许上传", id="exe"),
    pytest.param("说明.txt", "纯文本".encode(), "类型不允许上传", id="txt"),
    pytest.param("没有扩展名", PDF, "类型不允许上传", id="no-extension"),
    pytest.param("改名.pdf", _png(), "内容与扩展名 .pdf 不符", id="png-named-pdf"),
    pytest.param("改名.docx", _xlsx(), "内容与扩展名 .docx 不符", id="xlsx-named-docx"),
    pytest.param("坏的.png", b"not really a png", "内容与扩展名 .png 不符", id="garbage-png"),
    pytest.param("空.pdf", b"", "是空文件", id="empty"),
]


@pytest.mark.parametrize(("name", "data", "message"), REFUSED)
def test_refused_files_write_nothing(demo, name, data, message):
    before = Attachment.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.attach_file(
            actor=demo.admin, target=demo.units["donghu_justice"], uploaded_file=_upload(name, data)
        )
    assert message in refused.value.messages[0]
    assert f"文件“{name}”" in refused.value.messages[0]
    assert Attachment.objects.count() == before


def test_too_large_file_is_refused(demo, settings):
    settings.FAZHI_ATTACHMENT_MAX_BYTES = len(PDF) - 1
    before = Attachment.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.attach_file(
            actor=demo.admin,
            target=demo.units["donghu_justice"],
            uploaded_file=_upload("大文件.pdf", PDF),
        )
    assert "超过上限" in refused.value.messages[0]
    assert Attachment.objects.count() == before


def test_file_of_exactly_the_limit_is_accepted(demo, settings):
    settings.FAZHI_ATTACHMENT_MAX_BYTES = len(PDF)
    attachment = services.attach_file(
        actor=demo.admin, target=demo.units["donghu_justice"], uploaded_file=_upload("a.pdf", PDF)
    )
    assert attachment.size == len(PDF)


def test_extension_is_case_insensitive(demo):
    attachment = services.attach_file(
        actor=demo.admin,
        target=demo.units["donghu_justice"],
        uploaded_file=_upload("扫描.PDF", PDF),
    )
    assert attachment.content_type == "application/pdf"


# Through the page.


@pytest.mark.parametrize("username", ["admin", "donghu_admin"])
def test_page_upload_by_admin_and_unit_admin(demo, client_as, username):
    user = demo.admin if username == "admin" else demo.users[username]
    unit = demo.units["donghu_justice"]
    client = client_as(user)
    data = _png()
    response = client.post(f"/units/{unit.pk}/attach/", {"file": _upload("现场照片.png", data)})
    assert response.status_code == 302
    attachment = Attachment.objects.get(original_name="现场照片.png")
    assert attachment.unit == unit
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert attachment.size == len(data)
    assert "已上传“现场照片.png”" in client.get(response.url).text


def test_page_upload_shows_the_refusal_and_writes_nothing(demo, client_as):
    unit = demo.units["donghu_justice"]
    client = client_as(demo.admin)
    before = Attachment.objects.count()
    response = client.post(
        f"/units/{unit.pk}/attach/", {"file": _upload("改名.pdf", _png())}, follow=True
    )
    assert response.status_code == 200
    assert "内容与扩展名 .pdf 不符" in response.text
    assert Attachment.objects.count() == before


def test_page_upload_too_large(demo, client_as, settings):
    settings.FAZHI_ATTACHMENT_MAX_BYTES = 10
    unit = demo.units["donghu_justice"]
    client = client_as(demo.admin)
    before = Attachment.objects.count()
    response = client.post(
        f"/units/{unit.pk}/attach/", {"file": _upload("a.pdf", PDF)}, follow=True
    )
    assert "超过上限" in response.text
    assert Attachment.objects.count() == before


def test_page_upload_without_a_file(demo, client_as):
    unit = demo.units["donghu_justice"]
    client = client_as(demo.admin)
    before = Attachment.objects.count()
    response = client.post(f"/units/{unit.pk}/attach/", {}, follow=True)
    assert "请选择要上传的文件" in response.text
    assert Attachment.objects.count() == before


def test_page_upload_refused_to_an_officer(demo, client_as):
    unit = demo.units["donghu_justice"]
    client = client_as(demo.users["donghu_officer"])
    before = Attachment.objects.count()
    response = client.post(f"/units/{unit.pk}/attach/", {"file": _upload("a.pdf", PDF)})
    assert response.status_code in (403, 404)
    assert Attachment.objects.count() == before


# Download.


def _demo_attachment(demo, district: str) -> Attachment:
    return Attachment.objects.get(original_name=f"{district}司法局职能配置.pdf")


def test_download_returns_the_bytes_to_a_user_who_sees_the_unit(demo, client_as):
    attachment = _demo_attachment(demo, "东湖区")
    response = _download(client_as(demo.users["donghu_officer"]), attachment)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-")
    assert hashlib.sha256(body).hexdigest() == attachment.sha256
    assert response["Content-Type"] == "application/pdf"


def test_download_of_an_uploaded_file_returns_it_unchanged(demo, client_as):
    data = _xlsx()
    attachment = services.attach_file(
        actor=demo.users["donghu_admin"],
        target=demo.units["donghu_justice"],
        uploaded_file=_upload("台账.xlsx", data),
    )
    response = _download(client_as(demo.users["donghu_officer"]), attachment)
    assert b"".join(response.streaming_content) == data


def test_download_is_404_for_a_sibling_district(demo, client_as):
    attachment = _demo_attachment(demo, "东湖区")
    assert _download(client_as(demo.users["xishan_officer"]), attachment).status_code == 404
    own = _demo_attachment(demo, "西山区")
    assert _download(client_as(demo.users["xishan_officer"]), own).status_code == 200
