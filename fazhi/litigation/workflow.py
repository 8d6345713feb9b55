"""The suit's flow as data: 审理中 until the court's judgment (已审结) or the plaintiff's
withdrawal (已撤诉); the answer, hearings and 司法建议 are recorded on the way. The services
check every step against this table; /workflows/ prints it."""

from fazhi.core.workflow import Transition, Workflow

from .models import Lawsuit, Status

S = Status
ALL = tuple(Status.values)


def _pending(lawsuit):
    return lawsuit.status == S.PENDING


def _no_answer_yet(lawsuit):
    return lawsuit.answer_filed_date is None


def _appeal_clock_not_started(lawsuit):
    return lawsuit.appeal_days is not None and lawsuit.judgment_served_date is None


def _appeal_open(lawsuit):
    return lawsuit.judgment_served_date is not None and not lawsuit.appeal


TRANSITIONS = (
    Transition(
        "record_answer_filed",
        "登记提交答辩状",
        (S.PENDING,),
        article="行政诉讼法第六十七条",
        guard="收到起诉状副本之日起十五日内提交答辩状和证据；只登记一次",
        when=_no_answer_yet,
        url_name="litigation:lawsuit_answer",
    ),
    # A hearing held before the judgment may be recorded after it; the page offers the
    # step while the suit is pending.
    Transition(
        "record_hearing",
        "登记庭审",
        ALL,
        article="行政诉讼法第三条第三款；规定第一条、第二条、第六条",
        guard="开庭日期不早于立案日期、不晚于结案日期；负责人出庭须有身份证明",
        when=_pending,
        url_name="litigation:lawsuit_hearing",
    ),
    Transition(
        "record_judgment",
        "登记裁判结果",
        (S.PENDING,),
        S.CONCLUDED,
        article="行政诉讼法第六十九条至第七十八条",
        guard="撤诉的通过“登记撤诉”办理；败诉由裁判结果确定",
        url_name="litigation:lawsuit_judgment",
    ),
    Transition(
        "record_judgment_served",
        "登记裁判文书送达",
        (S.CONCLUDED,),
        article="行政诉讼法第八十五条",
        guard="第一审判决或可以上诉的裁定；送达日期不早于裁判日期；上诉期限自送达之日起计算",
        when=_appeal_clock_not_started,
        url_name="litigation:lawsuit_judgment_served",
    ),
    Transition(
        "record_appeal",
        "登记是否上诉",
        (S.CONCLUDED,),
        article="行政诉讼法第八十五条",
        guard="判决书送达之日起十五日内、裁定书送达之日起十日内上诉；期满前不能登记未上诉",
        when=_appeal_open,
        url_name="litigation:lawsuit_appeal",
    ),
    Transition(
        "record_withdrawal",
        "登记撤诉",
        (S.PENDING,),
        S.WITHDRAWN,
        article="行政诉讼法第六十二条",
        guard="写明撤诉的原因",
        url_name="litigation:lawsuit_withdrawal",
    ),
    Transition(
        "record_judicial_suggestion",
        "登记司法建议",
        ALL,
        article="行政诉讼法第六十六条第二款；规定第十二条",
        url_name="litigation:lawsuit_suggestion",
    ),
)

LAWSUIT_FLOW = Workflow(
    key="litigation.lawsuit",
    label="行政应诉",
    model=Lawsuit,
    transitions=TRANSITIONS,
    state_field="status",
    noun="案件",
    denied="无权办理该案件",
    law="《中华人民共和国行政诉讼法》和《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》（简称规定）",
    refusal="{noun}{state}，不能再办理此事项",
    list_url_name="litigation:lawsuit_list",
    title_field="case_number",
)
