import json
import os

import docx
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfWriter

from fazhi.report_reader.inputs import MAX_BYTES, UnreadableDocument, read_text
from fazhi.report_reader.reader import read_document

from .conftest import CORPUS, HEDONG, YICHENG

# the project's session fixtures build the demo data set in the test database
pytestmark = pytest.mark.django_db

GOLD = os.path.join(os.path.dirname(__file__), "gold")


def _message(path):
    with pytest.raises(UnreadableDocument) as caught:
        read_text(path)
    return str(caught.value)


def test_gbk_text_is_decoded(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("峄城区司法局2022年度法治政府建设情况的报告\n".encode("gbk"))
    assert read_text(path).startswith("峄城区司法局")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _message(path) == "empty.txt：文件为空"


def test_binary_garbage_named_txt(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert _message(path).startswith("garbage.txt：")
    assert "不是文本" in _message(path) or "编码" in _message(path)


def test_html_without_article(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>首页</a></nav></body></html>", encoding="utf-8")
    assert _message(path) == "nav.html：网页中找不到正文"


def test_html_article_is_kept_and_the_page_around_it_dropped(tmp_path, seeds):
    body = "".join(
        f"<p>{line}</p>" for line in (seeds / HEDONG).read_text(encoding="utf-8").splitlines()
    )
    page = (
        "<html><body><nav><a href='/'>首页</a><a href='/x'>政务公开</a></nav>"
        "<div class='tools'><a>【字号 大 中 小】</a><a>打印本页</a><span>分享到:微信</span></div>"
        f"<article>{body}</article><footer>阅读次数：1024</footer></body></html>"
    )
    path = tmp_path / "hedong.html"
    path.write_text(page, encoding="utf-8")
    text = read_text(path)
    assert "成功化解矛盾纠纷2748件" in text
    assert "打印本页" not in text and "政务公开" not in text


def test_pdf_without_text_layer(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as out:
        writer.write(out)
    assert _message(path) == "scan.pdf：PDF没有文字层（可能是扫描件，需要先做文字识别）"


def test_oversize_file(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(MAX_BYTES + 1)  # sparse: no 50 MB written
    assert "超过50MB上限" in _message(path)


def test_docx_is_read(tmp_path, seeds):
    document = docx.Document()
    for line in (seeds / YICHENG).read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "yicheng.docx"
    document.save(path)
    result = read_document(path)
    assert result.agency == "峄城区司法局"
    assert any(f.indicator == "legal_aid.cases_accepted" and f.value == 783 for f in result.figures)


def test_cli_reads_a_folder_as_json(seeds, capsys):
    call_command("reports", "read", str(seeds))
    documents = json.loads(capsys.readouterr().out)
    assert len(documents) == 5
    assert set(documents[0]) == {
        "file", "region", "agency", "level", "year", "published", "sections", "figures", "unmapped", "findings",
    }  # fmt: skip
    assert set(documents[0]["sections"]["problems"]) == {"status", "title", "span"}


def test_cli_exit_status_one_when_a_file_is_bad(seeds, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.json"
    with pytest.raises(CommandError) as caught:
        call_command("reports", "read", str(seeds / YICHENG), str(bad), "--out", str(out))
    assert caught.value.returncode == 1
    documents = json.loads(out.read_text(encoding="utf-8"))
    assert documents[0]["agency"] == "峄城区司法局"
    assert documents[1] == {"file": "empty.txt", "error": "empty.txt：文件为空"}


def test_cli_csv_and_xlsx(seeds, tmp_path, capsys):
    call_command("reports", "read", str(seeds / YICHENG), "--format", "csv")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("file,region,agency") and len(lines) > 20
    out = tmp_path / "out.xlsx"
    call_command("reports", "read", str(seeds / YICHENG), "--format", "xlsx", "--out", str(out))
    assert out.read_bytes()[:2] == b"PK"


def test_evaluation_meets_the_targets(seeds, capsys):
    from fazhi.report_reader.evaluate import evaluate

    scores, _ = evaluate(__import__("pathlib").Path(GOLD), seeds)
    assert scores.gold >= 80
    assert scores.precision == 1.0  # as measured (docs/benchmarks.md); must not get worse
    assert scores.recall >= 0.977
    assert scores.section_accuracy == 1.0
    assert scores.metadata_accuracy == 1.0
    call_command("reports", "evaluate", GOLD, "--seeds", str(seeds))
    assert "召回率(recall)" in capsys.readouterr().out


# What the reader reached on the reports it was not tuned on (docs/benchmarks.md, 2026-12-02):
# the shared corpus' held-out reports and the collected openings h*, f*, u*, v* and w*
# together (107 of 108 read right, 109 labelled). The floors are the measured figures (not the
# issue's targets): a change that reads less fails. The first measurements of the sets before
# their failures were read (u*: 0.33 / 0.17, v*: 1.00 / 0.29, w*: 0.67 / 0.20) are in
# docs/benchmarks.md.
HELD_OUT_FLOORS = {"precision": 0.99, "recall": 0.981, "sections": 0.875, "metadata": 1.0}


def test_corpus_evaluation_meets_what_was_measured(capsys):
    from fazhi.report_reader.evaluate import COLLECTED, evaluate

    assert CORPUS.is_dir(), f"开发语料目录不存在：{CORPUS}"
    tuned, _ = evaluate(CORPUS, part="tuned")
    # 57 labels of catalog ids: the three 重大行政决策 labels (10项) count since the line's
    # ids joined the catalog (issue 16), the six 中心组学法 ones under the catalog's id
    assert (tuned.documents, tuned.gold) == (9, 57)
    assert (tuned.precision, tuned.recall) == (1.0, 1.0)
    assert tuned.section_accuracy == tuned.metadata_accuracy == 1.0
    collected_tuned, _ = evaluate(COLLECTED, part="tuned")
    assert (collected_tuned.documents, collected_tuned.gold) == (14, 8)  # c* and d*
    assert collected_tuned.metadata_accuracy == 1.0
    shared, _ = evaluate(CORPUS, part="held-out")
    collected, _ = evaluate(COLLECTED, part="held-out")
    # h*, f*, u*, v* and w*
    assert (shared.documents, shared.gold, collected.documents, collected.gold) == (6, 51, 50, 58)
    assert collected.sections == 0  # openings: parts are cut off, not compared
    held_out = shared + collected
    assert held_out.precision >= HELD_OUT_FLOORS["precision"]
    assert held_out.recall >= HELD_OUT_FLOORS["recall"]
    assert held_out.section_accuracy >= HELD_OUT_FLOORS["sections"]
    assert held_out.metadata_accuracy >= HELD_OUT_FLOORS["metadata"]
    call_command("reports", "evaluate", str(COLLECTED), "--part", "held-out")
    output = capsys.readouterr().out
    assert "文档 50份" in output and "F1" in output
