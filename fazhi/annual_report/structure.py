"""The report's statutory structure (../shared/spec/annual_report.md): the parts in their
order, their titles as the seeds number them (一、二、…), and for the parts that are mostly
prose the topics the seeds cover — offered as headings to fill, never as filler text. A
topic's hint (what to write under it, e.g. 会议次数、议题) is shown to the drafter beside the
field and never enters the report; hints left in a narrative by older drafts are dropped
from every output."""

from dataclasses import dataclass

from fazhi.core.models import Unit

# 法治政府建设与责任落实督察工作规定: the report's content (1)–(5).
NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class PartSpec:
    key: str
    title: str  # with {year} and {next_year}
    required: bool
    topics: tuple[str, ...] = ()
    hints: tuple[tuple[str, str], ...] = ()  # (topic, what to write under it)


PARTS = (
    PartSpec(
        "measures_and_results",
        "{year}年推进法治政府建设的主要举措和成效",
        True,
        (
            "依法全面履行政府职能",
            "完善依法行政制度体系",
            "推进重大行政决策科学化、民主化、法治化",
            "推进严格规范公正文明执法",
            "强化对行政权力的制约和监督",
            "依法有效化解社会矛盾纠纷",
            "全面提升法治思维和依法行政能力",
        ),
    ),
    PartSpec(
        "first_responsible_person",
        "{year}年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        True,
        (
            "研究部署法治建设工作",
            "带头尊法学法守法用法",
            "重大行政决策合法性审查",
            "督促解决法治建设重大问题",
        ),
        (("研究部署法治建设工作", "会议次数、议题"), ("带头尊法学法守法用法", "学法、述法")),
    ),
    PartSpec(
        "problems",
        "{year}年推进法治政府建设存在的不足和原因",
        True,
        ("存在的不足", "原因分析"),
        (("存在的不足", "一是…二是…"),),
    ),
    PartSpec(
        "next_year_plan",
        "{next_year}年推进法治政府建设的主要安排",
        True,
        ("深入学习贯彻习近平法治思想", "重点任务与措施", "组织保障"),
    ),
    PartSpec("other", "其他需要报告的情况", False),
)
BY_KEY = {part.key: part for part in PARTS}


def numbered_title(key: str, year: int, position: int) -> str:
    title = BY_KEY[key].title.format(year=year, next_year=year + 1)
    return f"{NUMERALS[position]}、{title}"


def opening(unit: Unit, year: int) -> str:
    return (
        f"{year}年，{unit.name}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻"
        "习近平法治思想，全面落实法治政府建设各项任务。现将有关情况报告如下："
    )


def without_hints(line: str) -> str:
    """A line with any topic's hint taken out: "研究部署法治建设工作（会议次数、议题）" →
    "研究部署法治建设工作" (drafts started before hints moved beside the field hold them)."""
    for spec in PARTS:
        for topic, hint in spec.hints:
            line = line.replace(f"{topic}（{hint}）", topic)
    return line


def hints_text(key: str) -> str:
    """The part's hints for the drafter, e.g. "研究部署法治建设工作：会议次数、议题"."""
    return "；".join(f"{topic}：{hint}" for topic, hint in BY_KEY[key].hints)


def topics_template(key: str) -> str:
    """The topics of a prose part as headings ("（一）…") with nothing under them."""
    topics = BY_KEY[key].topics
    return "\n".join(f"（{NUMERALS[i]}）{topic}" for i, topic in enumerate(topics))
