"""The 公共法律服务 and 公证 entries of the indicator catalog (indicators.md
legal_services.*, notary.cases, and the proposed ids of worklines.md §2.4(d) in ADDED).

The notary figures are sums of the offices' monthly reports (the bureau holds counts, not
case files), counted on the report's month."""

from django.db.models import Q

from fazhi.indicators.registry import Indicator

from .models import ContactChannel, ContactReferral

CONTACT = "legal_services.HotlineContact"
LOG = "legal_services.AdviserLog"
NOTARY = "legal_services.NotaryReport"
PHONE = Q(channel=ContactChannel.PHONE)


def _contacts(indicator_id, name, definition, condition, key=False):
    return Indicator(
        id=indicator_id,
        name=name,
        unit="人次" if not indicator_id.endswith("referrals") else "件",
        definition=definition,
        source="公共法律服务平台（12348）",
        model=CONTACT,
        date_field="contact_date",
        condition=condition,
        key=key,
    )


def _log(indicator_id, name, unit, field):
    return Indicator(
        id=indicator_id,
        name=name,
        unit=unit,
        definition=f"村居法律顾问月度服务记录中的{name.removeprefix('村居法律顾问')}",
        source="一村（居）一法律顾问",
        model=LOG,
        date_field="month",
        sum_field=field,
    )


def _notary(indicator_id, name, field, source, key=False):
    return Indicator(
        id=indicator_id,
        name=name,
        unit="件",
        definition=f"公证机构月报中的{name}",
        source=source,
        model=NOTARY,
        date_field="month",
        sum_field=field,
        key=key,
    )


INDICATORS = (
    _contacts(
        "legal_services.hotline_calls",
        "12348热线接听",
        "期间内接通的12348来电",
        PHONE & Q(answered=True),
        key=True,
    ),
    _contacts(
        "legal_services.center_visitors",
        "公共法律服务中心接待",
        "期间内公共法律服务中心接待的来访",
        Q(channel=ContactChannel.VISIT),
    ),
    _contacts("legal_services.hotline_contacts", "12348热线呼入", "期间内的12348来电", PHONE),
    Indicator(
        id="legal_services.hotline_connection_rate",
        name="12348接通率",
        unit="%",
        definition="12348热线接听 ÷ 12348热线呼入 × 100",
        numerator="legal_services.hotline_calls",
        denominator="legal_services.hotline_contacts",
        key=True,
    ),
    Indicator(
        id="legal_services.hotline_minutes",
        name="12348热线服务时长",
        unit="分钟",
        # worklines.md §2.4(d) writes 小时 beside the id; the records hold minutes and a
        # figure is the plain sum of them, so the id's own unit is kept (60分钟 = 1小时).
        definition="期间内接通的12348来电的通话时长合计",
        source="公共法律服务平台（12348）",
        model=CONTACT,
        date_field="contact_date",
        condition=PHONE & Q(answered=True),
        sum_field="duration_minutes",
    ),
    _contacts(
        "legal_services.hotline_rated",
        "12348满意度评价",
        "期间内作出满意度评价的咨询",
        ~Q(satisfaction=""),
    ),
    _contacts(
        "legal_services.hotline_satisfied",
        "12348满意评价",
        "满意度评价中满意或基本满意的",
        Q(satisfaction__in=("satisfied", "basic")),
    ),
    Indicator(
        id="legal_services.hotline_satisfaction_rate",
        name="12348满意率",
        unit="%",
        definition="满意评价 ÷ 满意度评价 × 100",
        numerator="legal_services.hotline_satisfied",
        denominator="legal_services.hotline_rated",
    ),
    _contacts(
        "legal_services.hotline_referrals",
        "12348转办",
        "期间内转法律援助或人民调解的咨询",
        Q(referral__in=(ContactReferral.LEGAL_AID, ContactReferral.MEDIATION)),
    ),
    Indicator(
        id="legal_services.stations",
        name="公共法律服务站点",
        unit="个",
        definition="期间内建成的公共法律服务中心、工作站和工作室",
        source="公共法律服务实体平台",
        model="legal_services.ServicePoint",
        date_field="established_date",
    ),
    _log(
        "legal_services.village_adviser_consultations",
        "村居法律顾问解答咨询",
        "人次",
        "consultations",
    ),
    _log("legal_services.village_adviser_disputes", "村居法律顾问参与调解", "件", "disputes"),
    _log("legal_services.village_adviser_lectures", "村居法律顾问法治讲座", "场次", "lectures"),
    _log(
        "legal_services.village_adviser_aid_referrals",
        "村居法律顾问引导法律援助",
        "件",
        "aid_referrals",
    ),
    Indicator(
        id="legal_services.villages",
        name="村（居）",
        unit="个",
        definition="期末列入一村（居）一法律顾问名册的村（居）",
        source="一村（居）一法律顾问",
        model="legal_services.Village",
        date_field="listed_date",
        until_field="removed_date",
    ),
    Indicator(
        id="legal_services.villages_with_adviser",
        name="有法律顾问的村（居）",
        unit="个",
        definition="期末有在聘法律顾问的村（居）（同一村居的聘期不得重叠，每村计一次）",
        source="一村（居）一法律顾问",
        model="legal_services.VillageAdviser",
        date_field="start",
        until_field="left_date",
    ),
    Indicator(
        id="legal_services.village_adviser_coverage_rate",
        name="村居法律顾问覆盖率",
        unit="%",
        definition="有法律顾问的村（居） ÷ 村（居） × 100",
        source="一村（居）一法律顾问",
        numerator="legal_services.villages_with_adviser",
        denominator="legal_services.villages",
    ),
    _notary("notary.cases", "办理公证", "cases", "公证法 第十一条", key=True),
    _notary("notary.timed", "报送办证日期的公证", "timed", "公证法 第三十条"),
    _notary("notary.on_time", "十五个工作日内出具", "on_time", "公证法 第三十条"),
    Indicator(
        id="notary.on_time_rate",
        name="公证按期出具率",
        unit="%",
        definition="十五个工作日内出具 ÷ 报送办证日期的公证 × 100",
        source="公证法 第三十条",
        numerator="notary.on_time",
        denominator="notary.timed",
    ),
    _notary("notary.refusals", "不予办理公证", "refusals", "公证法 第三十一条"),
    _notary("notary.fee_waivers", "公证费减免", "fee_waivers", "公证法 第三十四条"),
    # 解答咨询 (worklines.md §2.4(d), seed 001): every contact answered, whatever the channel
    # (docs/rules.md). The village advisers' and the legal-aid centre's consultations have
    # their own ids and are not added in.
    Indicator(
        id="legal_services.consultations",
        name="解答咨询",
        unit="件",
        definition="期间内12348电话接通、网络、留言和中心来访中已解答的咨询，每次计一件",
        source="公共法律服务平台（12348）",
        model=CONTACT,
        date_field="contact_date",
        condition=Q(answered=True),
    ),
    Indicator(
        id="legal_services.approvals",
        name="司法行政审批",
        unit="件",
        definition="期间内办结的司法行政行政许可（准予、初审报送或不予许可），按办结日期计",
        source="司法行政审批登记（行政许可法 第四十二条）",
        model="legal_services.Approval",
        date_field="decided_date",
    ),
)
