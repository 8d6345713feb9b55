"""Upload checks for attachments: size, allowed types, and content that matches the name."""

from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

# extension -> the type its content must be detected as
ALLOWED = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
}


@dataclass(frozen=True)
class CheckedContent:
    name: str
    mime: str
    data: bytes


def read_checked(uploaded_file) -> CheckedContent:
    """Read an upload and refuse it, in Chinese, unless its content is what its name says."""
    name = PurePath(uploaded_file.name or "").name
    limit = settings.FAZHI_ATTACHMENT_MAX_BYTES
    if uploaded_file.size > limit:
        raise ValidationError(
            f"文件“{name}”大小为{filesizeformat(uploaded_file.size)}，超过上限{filesizeformat(limit)}"
        )
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in ALLOWED:
        raise ValidationError(
            f"文件“{name}”的类型不允许上传，只接受 PDF、DOCX、XLSX、JPG、PNG 文件"
        )
    data = b"".join(uploaded_file.chunks())
    if not data:
        raise ValidationError(f"文件“{name}”是空文件")
    detected = filetype.guess(data)
    if detected is None or detected.mime != ALLOWED[extension]:
        raise ValidationError(
            f"文件“{name}”的内容与扩展名 .{extension} 不符（文件可能已损坏或被改名），请检查后重新上传"
        )
    return CheckedContent(name=name, mime=detected.mime, data=data)
