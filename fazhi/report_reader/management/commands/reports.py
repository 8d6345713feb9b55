"""`fazhi reports read PATH... [--format json|csv|xlsx] [--out FILE]` and
`fazhi reports evaluate GOLD_DIR [--seeds DIR] [--part all|tuned|held-out]` (GOLD_DIR: the seeds'
gold folder, or the development corpus with its gold.json files)."""

import csv
import io
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from openpyxl import Workbook
from tqdm import tqdm

from fazhi.core.viewtools import neutralise_formulas
from fazhi.report_reader.evaluate import PARTS, evaluate
from fazhi.report_reader.inputs import UnreadableDocument, collect
from fazhi.report_reader.reader import read_document, to_json
from fazhi.report_reader.sections import KEYS

DOCUMENT_COLUMNS = ("file", "region", "agency", "level", "year", "published")
FIGURE_COLUMNS = ("indicator", "value", "qualifier", "unit", "quote", "span")


class Command(BaseCommand):
    help = "解析已发布的法治政府建设年度报告（read），或以人工标注评测解析结果（evaluate）。"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        read = actions.add_parser("read", help="解析报告文件或文件夹")
        read.add_argument("paths", nargs="+", type=Path)
        read.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
        read.add_argument("--out", type=Path)
        check = actions.add_parser("evaluate", help="以人工标注评测解析结果")
        check.add_argument("gold_dir", type=Path)
        check.add_argument(
            "--seeds", type=Path, default=settings.BASE_DIR.parent.parent / "shared" / "seeds"
        )
        check.add_argument(
            "--part", choices=PARTS, default="all", help="语料库中参与调校的部分或留出部分"
        )

    def handle(self, *args, action, **options):
        if action == "read":
            self.read(options["paths"], options["format"], options["out"])
        else:
            self.evaluate(options["gold_dir"], options["seeds"], options["part"])

    def read(self, paths: list[Path], fmt: str, out: Path | None):
        if fmt == "xlsx" and out is None:
            raise CommandError("xlsx 格式需要用 --out 指定输出文件")
        files = collect(paths)
        if not files:
            raise CommandError("没有找到可解析的报告文件（支持TXT、HTML、DOCX、PDF）")
        results, failures = [], []
        for path in tqdm(
            files, desc="解析报告", unit="份", file=self.stderr._out, disable=len(files) < 2
        ):
            try:
                results.append(read_document(path).as_dict())
            except UnreadableDocument as error:
                failures.append(str(error))
                results.append({"file": path.name, "error": str(error)})
        self.write(results, fmt, out)
        for failure in failures:
            self.stderr.write(failure)
        if failures:
            raise CommandError(
                f"{len(failures)}份文档无法读取，其余{len(files) - len(failures)}份已输出",
                returncode=1,
            )

    def write(self, results: list[dict], fmt: str, out: Path | None):
        if fmt == "xlsx":
            book = _workbook(results)
            neutralise_formulas(book)  # quoted passages of a report stay text
            book.save(out)
            return
        text = to_json(results) + "\n" if fmt == "json" else _csv(results)
        if out is None:
            self.stdout.write(text, ending="")
        else:
            out.write_text(text, encoding="utf-8")

    def evaluate(self, gold_dir: Path, seeds: Path, part: str):
        if not gold_dir.is_dir():
            raise CommandError(f"找不到标注目录：{gold_dir}")
        corpus = any(gold_dir.glob("gold.json")) or any(gold_dir.glob("*/gold.json"))
        if not corpus and not seeds.is_dir():
            raise CommandError(f"找不到样本报告目录：{seeds}")
        scores, notes = evaluate(gold_dir, seeds, part)
        for note in notes:
            self.stdout.write(note)
        self.stdout.write(f"文档 {scores.documents}份")
        self.stdout.write(f"数字 准确率(precision) {scores.precision:.3f}  召回率(recall) {scores.recall:.3f}"
                          f"  F1 {scores.f1:.3f}"
                          f"  （命中{scores.true_positives}，读出{scores.predicted}，标注{scores.gold}）")  # fmt: skip
        self.stdout.write(
            f"章节 正确率 {scores.section_accuracy:.3f}（{scores.sections_right}/{scores.sections}）"
        )
        self.stdout.write(
            f"元数据 正确率 {scores.metadata_accuracy:.3f}（{scores.metadata_right}/{scores.metadata}）"
        )


def _figure_rows(results: list[dict]):
    for result in results:
        document = [result.get(column) for column in DOCUMENT_COLUMNS]
        for figure in result.get("figures", []):
            yield document + [
                figure[column] if column != "span" else "-".join(map(str, figure["span"]))
                for column in FIGURE_COLUMNS
            ]


def _csv(results: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(DOCUMENT_COLUMNS + FIGURE_COLUMNS)
    writer.writerows(_figure_rows(results))
    return buffer.getvalue()


def _workbook(results: list[dict]) -> Workbook:
    book = Workbook()
    documents = book.active
    documents.title = "文档"
    documents.append(list(DOCUMENT_COLUMNS) + list(KEYS) + ["error"])
    for result in results:
        sections = result.get("sections", {})
        documents.append(
            [result.get(c) for c in DOCUMENT_COLUMNS]
            + [sections.get(k, {}).get("status") for k in KEYS]
            + [result.get("error")]
        )
    figures = book.create_sheet("数据")
    figures.append(list(DOCUMENT_COLUMNS + FIGURE_COLUMNS))
    for row in _figure_rows(results):
        figures.append(row)
    findings = book.create_sheet("检查")
    findings.append(["file", "kind", "check", "message"])
    for result in results:
        for finding in result.get("findings", []):
            findings.append([result["file"], finding["kind"], finding["check"], finding["message"]])
    return book
