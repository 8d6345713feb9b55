"""One report in, its metadata, parts, figures and findings out."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from . import checks
from .figures import Figure, extract_figures
from .inputs import read_text
from .metadata import read_metadata
from .normalize import blank_residue, normalize
from .sections import KEYS, Section, _paragraphs, find_sections


@dataclass
class ReadResult:
    file: str
    text: str  # the extracted text; every span refers to it
    region: str | None = None
    agency: str | None = None
    level: str | None = None
    year: int | None = None
    published: str | None = None
    sections: dict[str, Section] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    unmapped: list[Figure] = field(default_factory=list)
    findings: list[checks.Finding] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "region": self.region,
            "agency": self.agency,
            "level": self.level,
            "year": self.year,
            "published": self.published,
            "sections": {key: self.sections[key].as_dict() for key in KEYS},
            "figures": [figure.as_dict() for figure in self.figures],
            "unmapped": [figure.as_dict() for figure in self.unmapped],
            "findings": [finding.as_dict() for finding in self.findings],
        }


def analyse(text: str, name: str) -> ReadResult:
    """Read an extracted text. Figures in the next year's plan are targets, not results:
    they are kept among the unmapped ones."""
    normalized = normalize(text)
    meta = read_metadata(normalized)
    analysed = blank_residue(normalized)
    sections = find_sections(analysed, text, meta.year)
    plan = sections["next_year_plan"]
    in_plan = (
        (lambda f: plan.span[0] <= f.span[0] < plan.span[1]) if plan.span else (lambda f: False)
    )
    found = extract_figures(analysed, text, _paragraphs(analysed))
    figures = [f for f in found if f.indicator and not in_plan(f)]
    mapped = {id(f) for f in figures}
    unmapped = [
        Figure(None, f.value, f.qualifier, f.unit, f.quote, f.span)
        for f in found
        if id(f) not in mapped
    ]
    title_quote = {"quote": meta.title, "span": list(meta.title_span)} if meta.title_span else None
    findings = (
        checks.check_completeness(sections, title_quote)
        + checks.check_sums(figures)
        + checks.check_rates(figures)
        + checks.check_breakdowns(analysed, figures + unmapped)
        + [checks.Finding("unexplained difference", "year", note) for note in meta.notes]
    )
    return ReadResult(
        name, text, meta.region, meta.agency, meta.level, meta.year, meta.published,
        sections, figures, unmapped, findings,
    )  # fmt: skip


def read_document(path: Path) -> ReadResult:
    """Read one file; raises inputs.UnreadableDocument with a message naming the file."""
    return analyse(read_text(path), path.name)


def to_json(results: list[dict]) -> str:
    return json.dumps(results, ensure_ascii=False, indent=2)
