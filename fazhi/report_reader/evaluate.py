"""The reader measured against hand-labelled gold files (tests/gold/*.json): figure precision
and recall (a figure matches on indicator and value), section and metadata accuracy."""

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .reader import read_document
from .sections import KEYS

METADATA = ("region", "agency", "level", "year", "published")


@dataclass
class Scores:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    sections_right: int = 0
    sections: int = 0
    metadata_right: int = 0
    metadata: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def section_accuracy(self) -> float:
        return self.sections_right / self.sections if self.sections else 1.0

    @property
    def metadata_accuracy(self) -> float:
        return self.metadata_right / self.metadata if self.metadata else 1.0


def evaluate(gold_dir: Path, seeds_dir: Path) -> tuple[Scores, list[str]]:
    """Scores over every gold file, and one line per disagreement."""
    scores, notes = Scores(), []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = read_document(seeds_dir / gold["file"]).as_dict()
        expected = Counter((f["indicator"], f["value"]) for f in gold["figures"])
        found = Counter((f["indicator"], f["value"]) for f in result["figures"])
        scores.true_positives += sum((expected & found).values())
        scores.predicted += sum(found.values())
        scores.gold += sum(expected.values())
        notes += [f"{gold['file']}：多出 {key}" for key in (found - expected).elements()]
        notes += [f"{gold['file']}：漏掉 {key}" for key in (expected - found).elements()]
        for key in KEYS:
            scores.sections += 1
            status = result["sections"][key]["status"]
            if status == gold["sections"][key]:
                scores.sections_right += 1
            else:
                notes.append(f"{gold['file']}：{key} 应为 {gold['sections'][key]}，读出 {status}")
        for key in METADATA:
            scores.metadata += 1
            if result[key] == gold[key]:
                scores.metadata_right += 1
            else:
                notes.append(f"{gold['file']}：{key} 应为 {gold[key]}，读出 {result[key]}")
    return scores, notes
