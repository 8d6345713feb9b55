"""PDF of a Word document (the annual report, a line's 文书 and case files): the .docx rendered by LibreOffice (headless, from Debian's packages),
with the official font names mapped to free fonts by a fontconfig file of our own — no
complete free 仿宋 exists in Debian, so 仿宋 and 小标宋 map to Noto Serif CJK SC, 黑体 to Noto
Sans CJK SC, 楷体 to AR PL KaitiM GB. LibreOffice embeds the fonts it draws with.
The one PDF engine of the platform: every PDF is a .docx the platform already makes."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .wordtemplates import BODY_FONT, TITLE_FONT

HEADING_FONT = "黑体"
SECTION_FONT = "楷体_GB2312"

FREE_FONTS = {
    TITLE_FONT: "Noto Serif CJK SC",
    BODY_FONT: "Noto Serif CJK SC",
    HEADING_FONT: "Noto Sans CJK SC",
    SECTION_FONT: "AR PL KaitiM GB",
    "宋体": "Noto Serif CJK SC",
}
PACKAGES = "fonts-noto-cjk fonts-arphic-gkai00mp libreoffice-writer-nogui"
TIMEOUT = 180


class ExportError(Exception):
    """The PDF could not be made; the message says why, in Chinese."""


def _fontconfig(folder: Path) -> Path:
    aliases = "".join(
        f'<alias binding="same"><family>{official}</family><prefer><family>{free}</family>'
        "</prefer></alias>"
        for official, free in FREE_FONTS.items()
    )
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include>{aliases}</fontconfig>',
        encoding="utf-8",
    )
    return path


def missing_fonts() -> list[str]:
    """The free fonts that are not installed (fc-list knows every installed family)."""
    if shutil.which("fc-list") is None:
        return sorted(set(FREE_FONTS.values()))
    listed = subprocess.run(
        ["fc-list", ":", "family"], capture_output=True, text=True, timeout=60
    ).stdout
    return sorted({free for free in FREE_FONTS.values() if free not in listed})


def pdf_bytes(docx: bytes) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ExportError(f"未安装LibreOffice，无法生成PDF（请安装 {PACKAGES}）")
    missing = missing_fonts()
    if missing:
        raise ExportError(f"缺少字体：{'、'.join(missing)}，无法生成PDF（请安装 {PACKAGES}）")
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as folder:
        work = Path(folder)
        source = work / "report.docx"
        source.write_bytes(docx)
        env = {**os.environ, "FONTCONFIG_FILE": str(_fontconfig(work)), "HOME": folder}
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(source),
                ],
                env=env,
                capture_output=True,
                timeout=TIMEOUT,
                check=True,
            )
        except subprocess.TimeoutExpired as slow:
            raise ExportError(f"生成PDF超时（超过{TIMEOUT}秒）") from slow
        except subprocess.CalledProcessError as failed:
            raise ExportError(
                f"LibreOffice 生成PDF失败：{failed.stderr.decode(errors='replace')[-200:]}"
            ) from failed
        result = work / "report.pdf"
        if not result.exists():
            raise ExportError("LibreOffice 没有生成PDF文件")
        return result.read_bytes()
