"""A corrupt PDF among the uploads (issue 14, item 5): the parser's own error becomes a
Chinese message naming the file, the other files are stored, and the page is no 500."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fazhi.report_reader.demo import report_text
from fazhi.report_reader.models import ReadReport

from .test_storage_pages import GOOD


def pdf_with_a_broken_page_tree() -> bytes:
    """A PDF whose page is a reference to a reference: pypdf fails with an AttributeError,
    none of the errors it documents."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"4 0 R",
        b"<< /Type /Page /Parent 2 0 R >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def test_a_corrupt_pdf_is_named_in_chinese_and_the_good_file_stored(demo, client_as):
    client = client_as(demo.users["donghu_inspector"])
    url = reverse("report_reader:report_upload")
    page = client.get(url).content.decode()
    token = re.search(r'name="form_token" value="([0-9a-f]+)"', page).group(1)
    text = report_text("测试区", {"rate": "12.5", "corrected": 2, "closed": 16})
    response = client.post(
        url,
        {
            "form_token": token,
            "uploads": [
                SimpleUploadedFile("损坏.pdf", pdf_with_a_broken_page_tree(), "application/pdf"),
                SimpleUploadedFile(GOOD, text.encode("utf-8"), "text/plain"),
            ],
        },
    )
    assert response.status_code == 200
    assert "损坏.pdf：文件已损坏，无法解析" in response.content.decode()
    assert ReadReport.objects.filter(file_name=GOOD).exists()
    assert not ReadReport.objects.filter(file_name="损坏.pdf").exists()
