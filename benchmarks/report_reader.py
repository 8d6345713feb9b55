"""Report-reading benchmark. Not a test: it prints, side by side in one run, documents per
second for reading seed-sized TXT reports in full (decode, normalise, metadata, parts,
figures, checks) and for the floor (reading and decoding the same files, no analysis).

    .venv/bin/python benchmarks/report_reader.py [--copies 40] [--seeds ../shared/seeds]

Target: at least 100 seed-sized documents per second on one core.
"""

import argparse
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--copies", type=int, default=40, help="passes over the seed files")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    import django

    django.setup()
    from fazhi.report_reader.inputs import read_text
    from fazhi.report_reader.reader import read_document

    files = sorted(options.seeds.glob("*.txt"))
    if not files:
        raise SystemExit(f"没有找到样本报告：{options.seeds}")
    documents = files * options.copies
    read_document(files[0])  # warm up: imports, OpenCC dictionaries, compiled patterns

    def rate(read) -> float:
        started = time.perf_counter()
        for path in documents:
            read(path)
        return len(documents) / (time.perf_counter() - started)

    floor = rate(read_text)
    full = rate(read_document)
    print(f"{len(documents)} documents ({len(files)} seed reports × {options.copies})")
    print(f"{'':38}{'documents/s':>14}")
    print(f"{'floor: read and decode':38}{floor:>14.1f}")
    print(f"{'full reading':38}{full:>14.1f}   target ≥ 100")
    print(f"{'ratio floor / full':38}{floor / full:>14.1f}")


if __name__ == "__main__":
    main()
