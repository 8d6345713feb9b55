"""The flows of 社区矫正 as data: a subject is 在矫 from reception until 解除 (期满,
第四十四条), 终止 (第四十五条) or 执行地变更; an investigation runs until its opinion."""

from fazhi.core.workflow import Transition, Workflow

from .models import (
    Investigation,
    InvestigationStatus,
    Linkage,
    ReleasedPerson,
    Subject,
    SubjectStatus,
)

S = SubjectStatus
ON = (S.SUPERVISED,)


def _step(action, label, article, guard, target=None, **kwargs):
    return Transition(
        action,
        label,
        ON,
        target,
        article=article,
        guard=guard,
        url_name=f"corrections:{action}",
        **kwargs,
    )


SUBJECT_FLOW = Workflow(
    key="corrections.subject",
    label="社区矫正对象",
    model=Subject,
    state_field="status",
    noun="社区矫正对象",
    law="中华人民共和国社区矫正法",
    cite="社区矫正法",
    list_url_name="corrections:subject_list",
    title_field="number",
    periods=(
        ("决定机关通知", "判决、裁定、决定生效之日起五日内", "第二十条"),
        ("送达法律文书", "生效之日起十日内", "第二十条"),
        ("本人报到", "判决、裁定生效之日起十日内", "第二十一条"),
        ("电子定位", "每次不得超过三个月", "第二十九条"),
    ),
    transitions=(
        _step(
            "set_plan",
            "制定矫正方案",
            "第二十四条、第二十五条",
            "矫正方案必填；矫正小组只记姓名和任务",
        ),
        _step(
            "name_handler",
            "增加具名执法人员",
            "第五十四条",
            "本县（区）工作人员；未成年人档案仅具名人员可见",
        ),
        _step(
            "record_daily",
            "登记报告、走访、核查",
            "第二十三条、第二十六条",
            "信息化核查与电子定位分开登记",
        ),
        _step("approve_leave", "外出审批", "第二十七条", "外出期间不超出矫正期限"),
        _step(
            "record_sanction", "登记奖惩", "第二十八条、第四十六条、第四十九条", "须写明事实和理由"
        ),
        _step(
            "order_location",
            "批准电子定位",
            "第二十九条",
            "五种情形之一；县级负责人批准；不超过三个月，延长另行批准",
        ),
        _step(
            "record_location",
            "登记定位信息",
            "第二十九条第三款",
            "仅在已批准的电子定位期间内",
            button=False,
        ),
        _step(
            "transfer_subject",
            "执行地变更移出",
            "第二十七条第二款",
            "填写变更后的执行地",
            S.TRANSFERRED,
        ),
        _step(
            "release_subject",
            "解除矫正",
            "第四十四条",
            "矫正期满；发放解除社区矫正证明书",
            S.RELEASED,
        ),
        _step(
            "terminate_subject",
            "矫正终止",
            "第四十五条",
            "撤销缓刑、假释，收监执行或死亡",
            S.TERMINATED,
        ),
    ),
)

INVESTIGATION_FLOW = Workflow(
    key="corrections.investigation",
    label="调查评估",
    model=Investigation,
    state_field="status",
    noun="调查评估",
    law="中华人民共和国社区矫正法；社区矫正法实施办法",
    cite="社区矫正法",
    list_url_name="corrections:investigation_list",
    periods=(
        ("调查评估", "收到委托函之日起十个工作日（速裁五个工作日，设置项）", "实施办法第十四条"),
    ),
    transitions=(
        Transition(
            "complete_investigation",
            "出具评估意见",
            (InvestigationStatus.OPEN,),
            InvestigationStatus.DONE,
            article="第十八条",
            guard="写明调查走访情况；意见日期不早于收到委托函日期",
            url_name="corrections:complete_investigation",
        ),
    ),
)


RESETTLEMENT_FLOW = Workflow(
    key="corrections.released_person",
    label="安置帮教对象",
    model=ReleasedPerson,
    state_field="linkage",
    noun="安置帮教对象",
    law="上海市安置帮教工作规定（地方模板）",
    cite="上海市安置帮教工作规定",
    list_url_name="corrections:released_list",
    periods=(
        ("入监告知", "接收服刑人员之日起三十日内", "第六条第二款"),
        ("释放前通知", "刑释前三十日", "第七条第一款"),
        ("帮教期", "刑满释放之日起五年（设置项）", "福建等地规定"),
    ),
    transitions=(
        Transition(
            "record_linkage",
            "登记衔接",
            (Linkage.AWAITING,),
            Linkage.COLLECTED,
            outcomes=(Linkage.RETURNED, Linkage.UNLINKED),
            article="第七条第二款",
            guard="家属接回、帮助返回或未衔接；衔接日期不早于刑释前三十日",
            url_name="corrections:record_linkage",
        ),
        Transition(
            "record_placement",
            "登记帮教安置",
            (Linkage.COLLECTED, Linkage.RETURNED, Linkage.UNLINKED),
            article="第八条、第十三条",
            guard="就业、社会救助或过渡性安置基地",
            url_name="corrections:record_placement",
        ),
    ),
)
