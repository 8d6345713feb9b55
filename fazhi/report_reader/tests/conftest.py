from pathlib import Path

import pytest
from django.conf import settings

from fazhi.report_reader.reader import ReadResult, read_document

SEEDS = settings.BASE_DIR.parent.parent / "shared" / "seeds"
CORPUS = settings.BASE_DIR.parent.parent / "shared" / "corpus"  # the development corpus
YICHENG, FUZHOU, ZIBO, XUCHANG, HEDONG = (
    "000_81c6249e86b84fc3.txt",
    "001_315d5ae9639e179f.txt",
    "002_37453640a05994a6.txt",
    "003_5198beffa2de79c3.txt",
    "004_ae9c8d5517191bf2.txt",
)


@pytest.fixture(scope="session")
def seeds() -> Path:
    assert SEEDS.is_dir(), f"样本报告目录不存在：{SEEDS}"
    return SEEDS


@pytest.fixture(scope="session")
def read_seed(seeds):
    cache: dict[str, ReadResult] = {}

    def read(name: str) -> ReadResult:
        if name not in cache:
            cache[name] = read_document(seeds / name)
        return cache[name]

    return read
