"""Enforcement actions and their 三项制度 records (公示, 全过程记录, 法制审核), the decision,
and the import of an agency's historical ledger."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core.audit import record_event, service
from fazhi.core.guards import not_future, require_unit, saved
from fazhi.core.imports import ImportRefused, RowError
from fazhi.core.models import Unit
from fazhi.core.roles import WorkLine

from .. import imports
from ..models.actions import ActionKind, EnforcementAction, PenaltyOutcome
from ..models.agencies import MajorDecisionItem, Officer
from ..models.penalty_lists import ListCategory, ListStatus, PenaltyListItem
from ..selectors.penalty_lists import region_list_items
from ..workflow import ACTION_FLOW
from .agencies import check_officers


@service
def register_action(
    *,
    actor,
    unit: Unit,
    kind: str,
    number: str,
    party: str,
    summary: str,
    started_date: datetime.date,
    officers,
    major_item: MajorDecisionItem | None = None,
) -> EnforcementAction:
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
    not_future(started_date, "立案日期")
    officers = check_officers(officers, unit, started_date, label="执法行为")
    if major_item is not None and major_item.unit_id != unit.pk:
        raise ValidationError("重大执法决定事项应取自本单位的目录")
    if EnforcementAction.objects.filter(unit=unit, number=number.strip()).exists():
        raise ValidationError(f"“{unit.name}”已登记案件编号{number.strip()}")
    enforcement_action = saved(
        EnforcementAction(
            unit=unit,
            kind=kind,
            number=number.strip(),
            party=party.strip(),
            summary=summary.strip(),
            started_date=started_date,
            major_item=major_item,
            created_by=actor,
        )
    )
    enforcement_action.officers.set(officers)
    record_event(
        actor=actor,
        action="enforcement.action",
        summary=f"登记{enforcement_action.get_kind_display()}{enforcement_action.number}（{enforcement_action.party}）"
        + ("，属重大执法决定" if major_item else ""),
        target=enforcement_action,
        unit=unit,
        data={"officers": [o.pk for o in officers]},
    )
    return enforcement_action


@service
def record_publicity(
    *, actor, enforcement_action: EnforcementAction, stage: str, date: datetime.date, link: str
) -> EnforcementAction:
    """公示: 事前 (行政处罚法 第三十九条) or, for a decision, 事后 (第四十八条)."""
    step = "record_post_publicity" if stage == "post" else "record_publicity"
    ACTION_FLOW.check(enforcement_action, step, actor=actor)
    not_future(date, "公示日期")
    if stage == "post":
        if date < enforcement_action.decided_date:
            raise ValidationError("事后公示日期不能早于决定日期")
        enforcement_action.post_publicity_date, enforcement_action.post_publicity_link = (
            date,
            link.strip(),
        )
    elif stage == "pre":
        enforcement_action.pre_publicity_date, enforcement_action.pre_publicity_link = (
            date,
            link.strip(),
        )
    else:
        raise ValidationError("请选择事前公示或事后公示")
    saved(enforcement_action)
    record_event(
        actor=actor,
        action=f"enforcement.publicity.{stage}",
        summary=f"登记{'事前' if stage == 'pre' else '事后'}公示（{date:%Y-%m-%d}）",
        target=enforcement_action,
        unit=enforcement_action.unit,
    )
    return enforcement_action


@service
def record_recording(
    *, actor, enforcement_action: EnforcementAction, recording_forms: str, recording_location: str
) -> EnforcementAction:
    """执法全过程记录 (行政处罚法 第四十七条): what was recorded, and where it is archived."""
    ACTION_FLOW.check(enforcement_action, "record_recording", actor=actor)
    if not recording_forms.strip() or not recording_location.strip():
        raise ValidationError("请填写记录的形式和环节，以及归档保存的位置（行政处罚法 第四十七条）")
    enforcement_action.recording_forms, enforcement_action.recording_location = (
        recording_forms.strip(),
        recording_location.strip(),
    )
    saved(enforcement_action)
    record_event(
        actor=actor,
        action="enforcement.recording",
        summary=f"登记执法全过程记录：{enforcement_action.recording_forms}",
        target=enforcement_action,
        unit=enforcement_action.unit,
    )
    return enforcement_action


@service
def record_legal_review(
    *,
    actor,
    enforcement_action: EnforcementAction,
    reviewer: Officer,
    review_date: datetime.date,
    review_opinion: str,
    review_passed: bool,
) -> EnforcementAction:
    """重大执法决定法制审核 (行政处罚法 第五十八条) by the agency's 法制审核人员."""
    ACTION_FLOW.check(enforcement_action, "record_legal_review", actor=actor)
    not_future(review_date, "法制审核日期")
    if review_date < enforcement_action.started_date:
        raise ValidationError("法制审核日期不能早于立案日期")
    if reviewer.unit_id != enforcement_action.unit_id or not reviewer.is_legal_reviewer:
        raise ValidationError(f"{reviewer.name}不是{enforcement_action.unit.name}的法制审核人员")
    first_time = not reviewer.reviewed_actions.exclude(pk=enforcement_action.pk).exists()
    if first_time and not reviewer.has_legal_qualification:
        raise ValidationError(
            f"{reviewer.name}初次从事行政处罚决定法制审核，应当取得法律职业资格（行政处罚法 第五十八条第二款）"
        )
    if not review_opinion.strip():
        raise ValidationError("请填写法制审核意见")
    enforcement_action.reviewer, enforcement_action.review_date = reviewer, review_date
    enforcement_action.review_opinion, enforcement_action.review_passed = (
        review_opinion.strip(),
        review_passed,
    )
    saved(enforcement_action)
    record_event(
        actor=actor,
        action="enforcement.legal_review",
        summary=f"法制审核{'通过' if review_passed else '未通过'}（审核人员：{reviewer.name}）",
        target=enforcement_action,
        unit=enforcement_action.unit,
    )
    return enforcement_action


OUTCOME_CATEGORY = {
    PenaltyOutcome.NO_PENALTY: ListCategory.NO_PENALTY,
    PenaltyOutcome.LIGHTER: ListCategory.LIGHTER,
    PenaltyOutcome.MITIGATED: ListCategory.MITIGATED,
}


def _check_list_item(
    enforcement_action: EnforcementAction, item: PenaltyListItem, outcome: str, day
) -> None:
    """A case recorded under a 免罚轻罚清单 item: a published list of the agency's region."""
    penalty_list = item.penalty_list
    if not enforcement_action.unit.path.startswith(penalty_list.region.path):
        raise ValidationError(f"“{penalty_list.title}”不适用于{enforcement_action.unit.name}")
    if penalty_list.status == ListStatus.DRAFT or penalty_list.published_date > day:
        raise ValidationError(f"“{penalty_list.title}”在决定日期尚未公布施行")
    if OUTCOME_CATEGORY.get(outcome) != item.category:
        raise ValidationError(
            f"清单第{item.number}项为{item.get_category_display()}事项，与处罚结果“{PenaltyOutcome(outcome).label}”不符"
        )


@service
def decide_action(
    *,
    actor,
    enforcement_action: EnforcementAction,
    decided_date: datetime.date,
    outcome: str = "",
    list_item: PenaltyListItem | None = None,
    education: str = "",
) -> EnforcementAction:
    """作出决定. 行政处罚法 第五十八条: 未经法制审核或者审核未通过的，不得作出决定."""
    step = ACTION_FLOW.check(enforcement_action, "decide_action", actor=actor)
    not_future(decided_date, "决定日期")
    if decided_date < enforcement_action.started_date:
        raise ValidationError("决定日期不能早于立案日期")
    if enforcement_action.is_major:
        if enforcement_action.review_passed is not True:
            raise ValidationError(
                f"“{enforcement_action.major_item.title}”属于重大执法决定，未经法制审核或者审核未通过的，不得作出决定（行政处罚法 第五十八条）"
            )
        if enforcement_action.review_date > decided_date:
            raise ValidationError("决定日期不能早于法制审核日期（行政处罚法 第五十八条）")
    if enforcement_action.kind == ActionKind.PENALTY:
        if outcome not in PenaltyOutcome.values:
            raise ValidationError("请选择处罚结果")
        # 行政处罚法 第三十三条第三款: 依法不予行政处罚的，行政机关应当对当事人进行教育.
        if outcome == PenaltyOutcome.NO_PENALTY and not education.strip():
            raise ValidationError(
                "不予行政处罚的，应当对当事人进行教育，请填写教育情况（行政处罚法 第三十三条第三款）"
            )
        if list_item is not None:
            _check_list_item(enforcement_action, list_item, outcome, decided_date)
    elif outcome or list_item is not None:
        raise ValidationError("只有行政处罚案件登记处罚结果和免罚轻罚清单事项")
    ACTION_FLOW.move(enforcement_action, step)
    enforcement_action.decided_date = decided_date
    enforcement_action.outcome, enforcement_action.list_item, enforcement_action.education = (
        outcome,
        list_item,
        education.strip(),
    )
    saved(enforcement_action)
    record_event(
        actor=actor,
        action="enforcement.decide",
        summary=f"作出决定（{decided_date:%Y-%m-%d}）"
        + (f"：{enforcement_action.get_outcome_display()}" if outcome else "")
        + (f"，适用{list_item}" if list_item else ""),
        target=enforcement_action,
        unit=enforcement_action.unit,
    )
    return enforcement_action


@service
def import_actions(*, actor, unit: Unit, data) -> int:
    """导入历史执法记录 from an .xlsx ledger. Each row goes through the same steps as a record
    entered by hand (执法资格、法制审核、清单事项, with their articles); all rows or none."""
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
    rows = imports.ACTIONS.read_rows(data)
    names: dict[str, list[Officer]] = {}
    for officer in Officer.objects.restrict(actor).filter(unit=unit):
        names.setdefault(officer.name, []).append(officer)
    majors = {
        item.title: item for item in MajorDecisionItem.objects.restrict(actor).filter(unit=unit)
    }
    items = {(i.penalty_list.version, i.number): i for i in region_list_items(actor, unit)}
    errors = []
    for row in rows:
        found, row_errors = _resolve_row(row, names, majors, items)
        if row_errors:
            errors += row_errors
            continue
        try:
            with transaction.atomic():  # a savepoint: a refused row leaves nothing behind
                _import_action(actor, unit, row, found)
        except ValidationError as error:
            errors += [RowError(row["row"], "整行", message) for message in error.messages]
    if errors:
        raise ImportRefused(errors)
    record_event(
        actor=actor,
        action="enforcement.import_actions",
        summary=f"导入历史执法记录{len(rows)}件",
        target=unit,
        unit=unit,
    )
    return len(rows)


def _resolve_row(row, names, majors, items):
    """The officers, catalogue entry and list item a row names, or the row's errors."""
    found, errors = {"officers": []}, []

    def officer(name, column):
        matches = names.get(name, [])
        if len(matches) != 1:
            problem = "本单位有重名的执法人员" if matches else "不是本单位登记的执法人员"
            errors.append(RowError(row["row"], column, f"“{name}”{problem}"))
            return None
        return matches[0]

    found["officers"] = [officer(name, "执法人员") for name in row["officers"]]
    found["reviewer"] = officer(row["reviewer"], "法制审核人员") if row["reviewer"] else None
    found["major_item"] = None
    if row["major_item"]:
        found["major_item"] = majors.get(row["major_item"])
        if found["major_item"] is None:
            errors.append(
                RowError(row["row"], "重大执法决定事项", "不在本单位的重大执法决定目录中")
            )
    found["list_item"] = None
    if row["list_item"]:
        found["list_item"] = items.get(row["list_item"])
        if found["list_item"] is None:
            version, number = row["list_item"]
            errors.append(
                RowError(row["row"], "适用清单事项", f"本区域没有已公布的{version}第{number}项")
            )
    return found, errors


def _import_action(actor, unit, row, found) -> None:
    enforcement_action = register_action(
        actor=actor,
        unit=unit,
        kind=row["kind"],
        number=row["number"],
        party=row["party"],
        summary=row["summary"],
        started_date=row["started_date"],
        officers=found["officers"],
        major_item=found["major_item"],
    )
    if row["pre_publicity_date"]:
        record_publicity(
            actor=actor,
            enforcement_action=enforcement_action,
            stage="pre",
            date=row["pre_publicity_date"],
            link=row["pre_publicity_link"] or "",
        )
    if row["recording_forms"] or row["recording_location"]:
        record_recording(
            actor=actor,
            enforcement_action=enforcement_action,
            recording_forms=row["recording_forms"] or "",
            recording_location=row["recording_location"] or "",
        )
    if found["reviewer"] is not None:
        if row["review_date"] is None:
            raise ValidationError("登记了法制审核人员的，请填写法制审核日期")
        record_legal_review(
            actor=actor,
            enforcement_action=enforcement_action,
            reviewer=found["reviewer"],
            review_date=row["review_date"],
            review_opinion=row["review_opinion"] or "",
            review_passed=bool(row["review_passed"]),
        )
    if row["decided_date"]:
        decide_action(
            actor=actor,
            enforcement_action=enforcement_action,
            decided_date=row["decided_date"],
            outcome=row["outcome"] or "",
            list_item=found["list_item"],
            education=row["education"] or "",
        )
    elif row["outcome"] or found["list_item"]:
        raise ValidationError("填写处罚结果或清单事项的，请填写决定日期")
    if row["post_publicity_date"]:
        record_publicity(
            actor=actor,
            enforcement_action=enforcement_action,
            stage="post",
            date=row["post_publicity_date"],
            link=row["post_publicity_link"] or "",
        )
