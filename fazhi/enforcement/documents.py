"""执法监督整改通知书: the 整改通知 as a 文书, from a Word template the unit may replace
(core/wordtemplates.py). The notice is numbered when it is issued (services/supervision.py);
its 文书 is rendered from the record with the number filled in."""

from fazhi.core import wordtemplates
from fazhi.core.wordtemplates import Field, chinese_date

KEY = "enforcement.rectification_notice"
TITLE = "行政执法监督整改通知书"

wordtemplates.register(
    wordtemplates.Kind(
        key=KEY,
        title=TITLE,
        fields=(
            Field("机关", "下发通知的行政执法监督机关，如“东湖区司法局”"),
            Field("文号", "通知编号"),
            Field("签发日期", "下发日期"),
            Field("日期", "下发日期"),
            Field("整改单位", "被通知整改的行政执法单位"),
            Field("来源", "发现问题的监督检查或者案卷评查"),
            Field("存在问题", "存在的问题及整改要求（每段一行）"),
            Field("整改期限", "整改期限"),
        ),
        lines=(
            ("title", "{{ 机关 }}"),
            ("title", TITLE),
            ("number", "{{ 文号 }}"),
            ("left", "{{ 整改单位 }}："),
            ("body", "本机关在{{ 来源 }}中，发现你单位行政执法工作存在下列问题："),
            ("body", "{{ 存在问题 }}"),
            (
                "body",
                "请你单位对上述问题认真整改，并于{{ 整改期限 }}前将整改情况书面报送本机关。"
                "逾期未报送或者整改不到位的，本机关将依照有关规定予以通报。",
            ),
            ("right", "{{ 机关 }}"),
            ("seal", "{{ 日期 }}"),
        ),
    )
)


def _source(notice) -> str:
    if notice.inspection_id:
        inspection = notice.inspection
        return f"{chinese_date(inspection.date)}开展的“{inspection.title}”行政执法监督检查"
    campaign = notice.campaign
    return f"自{chinese_date(campaign.started_date)}开展的“{campaign.title}”行政执法案卷评查"


def notice_docx(notice) -> bytes:
    """The notice's 文书, its number and date filled in: nothing left to fill."""
    date = chinese_date(notice.issued_date)
    context = {
        "机关": notice.unit.name,
        "文号": notice.number,
        "签发日期": date,
        "日期": date,
        "整改单位": notice.agency.name,
        "来源": _source(notice),
        "存在问题": notice.problems,
        "整改期限": chinese_date(notice.due_date),
    }
    template = wordtemplates.template_for(notice.unit, KEY)
    return wordtemplates.render(template, context, keep=())
