"""免罚轻罚清单: a region's list drafted, filled (by hand or from Excel) and published."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.guards import not_future, require_unit, saved
from fazhi.core.imports import ImportRefused, RowError
from fazhi.core.models import Unit
from fazhi.core.roles import WorkLine

from .. import imports
from ..models.penalty_lists import PenaltyList, PenaltyListItem
from ..workflow import LIST_FLOW


def list_region(unit: Unit) -> Unit:
    """The area a list applies to: the publishing unit's own area."""
    return unit if unit.is_area else unit.parent


@service
def create_penalty_list(
    *, actor, unit: Unit, year: int, version: str, title: str = ""
) -> PenaltyList:
    """A new version of the region's list, as a draft until it is published."""
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
    region = list_region(unit)
    version = version.strip()
    if PenaltyList.objects.filter(region=region, version=version).exists():
        raise ValidationError(f"{region.name}已有{version}清单")
    title = (
        title.strip()
        or f"{region.name}轻微违法行为不予处罚和一般违法行为从轻减轻处罚事项清单（{version}）"
    )
    penalty_list = saved(
        PenaltyList(
            unit=unit, region=region, title=title, year=year, version=version, created_by=actor
        )
    )
    record_event(
        actor=actor,
        action="enforcement.list",
        summary=f"起草{title}",
        target=penalty_list,
        unit=unit,
    )
    return penalty_list


def _new_item(penalty_list, row) -> PenaltyListItem:
    fields = {
        key: row[key]
        for key in (
            "number",
            "category",
            "basis",
            "violation",
            "legal_basis",
            "conditions",
            "treatment",
        )
    }
    return saved(PenaltyListItem(penalty_list=penalty_list, **fields))


@service
def add_list_item(*, actor, penalty_list: PenaltyList, **fields) -> PenaltyListItem:
    """One item; 行政处罚法 第三十三条 (不予处罚) or 第三十二条 (从轻、减轻) as its basis."""
    LIST_FLOW.check(penalty_list, "add_list_item", actor=actor)
    errors = imports.check_list_item_rows([{"row": 0, **fields}])
    if errors:
        raise ValidationError(errors[0].message)
    if penalty_list.items.filter(number=fields["number"]).exists():
        raise ValidationError(f"清单已有第{fields['number']}项")
    item = _new_item(penalty_list, fields)
    record_event(
        actor=actor,
        action="enforcement.list_item",
        summary=f"清单新增第{item.number}项：{item.violation}",
        target=penalty_list,
        unit=penalty_list.unit,
    )
    return item


@service
def import_list_items(*, actor, penalty_list: PenaltyList, data) -> int:
    """Items from an .xlsx sheet: every row checked, all rows or none."""
    LIST_FLOW.check(penalty_list, "import_list_items", actor=actor)
    rows = imports.LIST_ITEMS.read_rows(data)
    errors = []
    taken = set(penalty_list.items.values_list("number", flat=True))
    errors += [
        RowError(r["row"], "序号", f"清单已有第{r['number']}项")
        for r in rows
        if r["number"] in taken
    ]
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: e.row))
    for row in rows:
        _new_item(penalty_list, row)
    record_event(
        actor=actor,
        action="enforcement.list_import",
        summary=f"导入清单事项{len(rows)}项",
        target=penalty_list,
        unit=penalty_list.unit,
    )
    return len(rows)


@service
def publish_list(*, actor, penalty_list: PenaltyList, published_date: datetime.date) -> PenaltyList:
    """公布施行; the region's version in force until then is superseded."""
    step = LIST_FLOW.check(penalty_list, "publish_list", actor=actor)
    not_future(published_date, "公布日期")
    if not penalty_list.items.exists():
        raise ValidationError("清单没有事项，不能公布")
    supersede = LIST_FLOW.transition("supersede_list")
    previous = PenaltyList.objects.filter(
        region=penalty_list.region, status__in=supersede.sources
    ).first()
    if previous is not None:
        LIST_FLOW.move(previous, supersede)
        previous.save()
    LIST_FLOW.move(penalty_list, step)
    penalty_list.published_date = published_date
    penalty_list.supersedes = previous
    saved(penalty_list)
    record_event(
        actor=actor,
        action="enforcement.list_publish",
        summary=f"公布{penalty_list.title}" + (f"，替代{previous.version}" if previous else ""),
        target=penalty_list,
        unit=penalty_list.unit,
    )
    return penalty_list
