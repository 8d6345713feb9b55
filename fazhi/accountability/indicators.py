"""The 述法 · 督察 entries of the indicator catalog (indicators.md accountability.*, and the
proposed ids of worklines.md §2.7(d) in the catalog's ADDED)."""

from django.db.models import Q

from fazhi.indicators.registry import Indicator

from .models import FindingState, ReportForm

INSPECTION_SOURCE = "法治督察工作规定（厅字〔2019〕28号）"
REPORT_SOURCE = "党政主要负责人履行推进法治建设第一责任人职责规定 第五条"

INDICATORS = (
    Indicator(
        id="accountability.inspections",
        name="法治督察",
        unit="次",
        definition="依法治办开展的综合、专项和个案督察，按督察开始日期计入期间",
        source=INSPECTION_SOURCE,
        model="accountability.InspectionPlan",
        date_field="start_date",
        key=True,
    ),
    Indicator(
        id="accountability.inspection_findings",
        name="督察发现问题",
        unit="个",
        definition="期间内开始的督察已反馈被督察单位的问题",
        source=INSPECTION_SOURCE,
        model="accountability.Finding",
        date_field="plan__start_date",
        condition=~Q(state=FindingState.DRAFT),
    ),
    Indicator(
        id="accountability.rectified",
        name="督察问题已销号",
        unit="个",
        definition="期间内开始的督察发现的问题中，已核验佐证材料并销号的",
        source=INSPECTION_SOURCE,
        model="accountability.Finding",
        date_field="plan__start_date",
        condition=Q(state=FindingState.CLOSED),
    ),
    Indicator(
        id="accountability.rectification_rate",
        name="督察问题整改销号率",
        unit="%",
        definition="督察问题已销号 ÷ 督察发现问题 × 100",
        numerator="accountability.rectified",
        denominator="accountability.inspection_findings",
        key=True,
    ),
    Indicator(
        id="accountability.law_reports",
        name="述法",
        unit="人",
        definition="期间内述法的领导干部，按述法日期计入",
        source=REPORT_SOURCE,
        model="accountability.LawReport",
        date_field="report_date",
        key=True,
    ),
    Indicator(
        id="accountability.law_reports_onsite",
        name="现场述法",
        unit="人",
        definition="述法中以现场述法形式进行的",
        source=REPORT_SOURCE,
        model="accountability.LawReport",
        date_field="report_date",
        condition=Q(form=ReportForm.ONSITE),
    ),
    Indicator(
        id="accountability.demonstration_projects",
        name="示范创建项目",
        unit="个",
        definition="期间内经市级推荐的法治政府建设示范创建项目（阶段见示范创建台账）",
        source="法治政府建设示范创建活动",
        model="accountability.DemonstrationProject",
        date_field="recommended_date",
    ),
)
