"""The flows of 行政执法监督 as data: certificates, enforcement actions, 免罚轻罚 lists,
入企执法报备, case-file review campaigns and rectification notices. The services check
every step against these tables; /workflows/ prints them."""

from fazhi.core.workflow import Transition, Workflow

from .models import (
    ActionStatus,
    CampaignStatus,
    Certificate,
    CertificateStatus,
    EnforcementAction,
    EnterpriseInspection,
    InspectionStatus,
    ListStatus,
    NoticeStatus,
    PenaltyList,
    RectificationNotice,
    ReviewCampaign,
)

# — 行政执法证件: 申领 → 培训 → 考试 → 发证 → 年审; 暂扣, 收回 —

C = CertificateStatus
# 申领 is open until the certificate is issued (one open application per officer).
OPEN_APPLICATION = (C.APPLIED, C.TRAINED, C.FAILED, C.PASSED)
CERTIFICATE_RULES = "各地行政执法证件管理办法"

CERTIFICATE_FLOW = Workflow(
    key="enforcement.certificate",
    label="行政执法证件",
    model=Certificate,
    state_field="status",
    noun="证件",
    law="《中华人民共和国行政处罚法》第四十二条（执法人员应当具有行政执法资格）和各地行政执法证件管理办法",
    refusal="{noun}当前状态为“{state}”，不能{label}",
    list_url_name="enforcement:certificate_list",
    transitions=(
        Transition(
            "record_training",
            "登记培训",
            (C.APPLIED,),
            C.TRAINED,
            article=CERTIFICATE_RULES,
            guard="在执法人员页面登记；培训日期不早于申领日期",
            button=False,
        ),
        Transition(
            "record_exam",
            "登记考试成绩",
            (C.TRAINED, C.FAILED),
            C.PASSED,
            outcomes=(C.FAILED,),
            article=CERTIFICATE_RULES,
            guard="达到合格分数线的为考试合格；未通过的可以补考",
            refusal="{noun}当前状态为“{state}”，不能登记考试成绩（应先完成培训）",
            url_name="enforcement:certificate_exam",
        ),
        Transition(
            "issue_certificate",
            "发证",
            (C.PASSED,),
            C.VALID,
            article=CERTIFICATE_RULES,
            guard="证件编号不重复；有效期晚于发证日期；换发的，原证件收回注销",
            refusal="{noun}当前状态为“{state}”，不能发证（考试合格后方可发证）",
            url_name="enforcement:certificate_issue",
        ),
        Transition(
            "record_annual_review",
            "年审",
            (C.VALID,),
            outcomes=(C.SUSPENDED,),
            article=CERTIFICATE_RULES,
            guard="有效期内每年一次；未通过的证件暂扣，须说明理由",
            url_name="enforcement:certificate_review",
        ),
        Transition(
            "suspend_certificate",
            "暂扣",
            (C.VALID,),
            C.SUSPENDED,
            article=CERTIFICATE_RULES,
            guard="写明暂扣理由",
            url_name="enforcement:certificate_suspend",
        ),
        Transition(
            "withdraw_certificate",
            "收回",
            (C.VALID, C.SUSPENDED),
            C.WITHDRAWN,
            article=CERTIFICATE_RULES,
            guard="写明收回理由；收回注销后须重新申领",
            url_name="enforcement:certificate_withdraw",
        ),
    ),
)

# — 执法行为 (三项制度): 办理中 → 已作出决定 —

A = ActionStatus


def _is_penalty(enforcement_action):
    return enforcement_action.kind == "penalty"


ACTION_FLOW = Workflow(
    key="enforcement.action",
    label="行政执法行为",
    model=EnforcementAction,
    state_field="status",
    noun="执法行为",
    law="《中华人民共和国行政处罚法》",
    cite="行政处罚法",
    record_name="enforcement_action",
    list_url_name="enforcement:action_list",
    step_url_name="enforcement:action_step",
    intro="“二日”“三日”“五日”“七日”是指工作日，不含法定节假日（第八十五条）；九十日为自然日。",
    transitions=(
        Transition(
            "record_publicity",
            "登记公示",
            (A.OPEN, A.DECIDED),
            article="第三十九条",
            guard="事前公示：执法主体、人员、职责、权限、依据、程序、救济渠道等",
            url_name="enforcement:action_publicity",
        ),
        # The same page, 事后公示 chosen.
        Transition(
            "record_post_publicity",
            "登记事后公示",
            (A.DECIDED,),
            article="第四十八条",
            guard="公示日期不早于决定日期",
            refusal="作出决定后方可登记事后公示（行政处罚法 第四十八条）",
            button=False,
        ),
        Transition(
            "record_recording",
            "登记全过程记录",
            (A.OPEN, A.DECIDED),
            article="第四十七条",
            guard="写明记录的形式和环节、归档保存的位置",
            url_name="enforcement:action_recording",
        ),
        Transition(
            "record_legal_review",
            "登记法制审核",
            (A.OPEN,),
            article="第五十八条",
            guard="重大执法决定；由本机关法制审核人员审核，初次审核的须取得法律职业资格",
            refusal="法制审核应在作出决定之前进行（行政处罚法 第五十八条）",
            when=lambda action: action.major_item_id is not None,
            url_name="enforcement:action_review",
        ),
        Transition(
            "record_decision_extension",
            "登记延长决定期限",
            (A.OPEN,),
            article="第六十条",
            guard="立案之日起九十日内作出决定；法律、法规、规章另有规定的，写明依据",
            when=_is_penalty,
        ),
        Transition(
            "record_hearing_informed",
            "登记告知听证权利",
            (A.OPEN,),
            article="第六十三条、第六十四条第一项",
            guard="告知后五个工作日内当事人可以要求听证，期满前不能作出决定",
            when=lambda a: _is_penalty(a) and a.hearing_informed_date is None,
        ),
        Transition(
            "record_hearing_request",
            "登记当事人要求听证",
            (A.OPEN,),
            article="第六十四条第一项",
            guard="告知后五个工作日内提出；逾期的不予登记",
            when=lambda a: a.hearing_informed_date is not None and a.hearing_requested_date is None,
        ),
        Transition(
            "record_hearing_notice",
            "登记听证通知",
            (A.OPEN,),
            article="第六十四条第二项",
            guard="举行听证的七个工作日前通知当事人及有关人员",
            when=lambda a: a.hearing_requested_date is not None and a.hearing_date is None,
        ),
        Transition(
            "decide_action",
            "登记决定",
            (A.OPEN,),
            A.DECIDED,
            article="第五十八条、第三十三条第三款",
            guard="重大执法决定须法制审核通过；不予处罚的须进行教育；适用的免罚轻罚清单须已公布施行",
            refusal="该执法行为已作出决定",
            url_name="enforcement:action_decide",
        ),
        Transition(
            "record_decision_served",
            "登记决定书送达",
            (A.DECIDED,),
            article="第六十一条",
            guard="当事人不在场的，七个工作日内送达；送达日期不早于决定日期",
            refusal="作出决定后方可登记送达（行政处罚法 第六十一条）",
            when=lambda a: _is_penalty(a) and a.decision_served_date is None,
        ),
        Transition(
            "record_revocation",
            "登记决定被变更或撤销",
            (A.DECIDED,),
            article="第四十八条第二款",
            guard="经行政复议或行政诉讼被依法变更、撤销、确认违法或者确认无效",
            when=lambda a: _is_penalty(a) and a.revoked_date is None,
        ),
        Transition(
            "record_publicity_withdrawn",
            "登记撤回公示",
            (A.DECIDED,),
            article="第四十八条第二款",
            guard="已公开的决定被变更、撤销的，三个工作日内撤回决定信息并公开说明理由",
            when=lambda a: (
                a.revoked_date is not None
                and a.post_publicity_date is not None
                and a.publicity_withdrawn_date is None
            ),
        ),
    ),
)

# — 免罚轻罚清单: 草稿 → 已公布施行 → 已被新版本替代 —

L = ListStatus
DRAFT_ONLY = "清单已公布，不能再修改；请起草新版本"
LIST_FLOW = Workflow(
    key="enforcement.penalty_list",
    record_name="penalty_list",
    label="免罚轻罚清单",
    model=PenaltyList,
    state_field="status",
    noun="清单",
    law="《中华人民共和国行政处罚法》第三十二条、第三十三条",
    list_url_name="enforcement:penalty_lists",
    transitions=(
        Transition(
            "add_list_item",
            "新增事项",
            (L.DRAFT,),
            article="行政处罚法第三十三条、第三十二条",
            guard="序号不重复；不予处罚事项依第三十三条，从轻减轻事项依第三十二条",
            refusal=DRAFT_ONLY,
            url_name="enforcement:penalty_list_item_add",
        ),
        Transition(
            "import_list_items",
            "从Excel导入事项",
            (L.DRAFT,),
            guard="逐行检查，全部通过方才导入",
            refusal=DRAFT_ONLY,
            url_name="enforcement:penalty_list_import",
        ),
        Transition(
            "publish_list",
            "公布施行",
            (L.DRAFT,),
            L.PUBLISHED,
            guard="清单至少有一项；本区域施行中的版本同时被替代",
            refusal=DRAFT_ONLY,
            url_name="enforcement:penalty_list_publish",
        ),
        Transition(
            "supersede_list",
            "被新版本替代",
            (L.PUBLISHED,),
            L.SUPERSEDED,
            guard="本区域的新版本公布施行时",
            button=False,
        ),
    ),
)

# — 入企执法报备: 已报备 → 已检查 / 已取消 —

V = InspectionStatus  # 入企报备 (visits)
INSPECTION_FLOW = Workflow(
    key="enforcement.enterprise_inspection",
    record_name="inspection",
    label="入企执法报备",
    model=EnterpriseInspection,
    state_field="status",
    noun="报备",
    law="《中华人民共和国行政处罚法》第四十二条、第五十五条和优化营商环境的入企检查报备制度",
    list_url_name="enforcement:enterprise_inspection_list",
    title_field="enterprise",
    transitions=(
        Transition(
            "record_inspection_result",
            "登记检查结果",
            (V.REPORTED,),
            V.DONE,
            guard="检查日期不早于报备的计划日期；填写检查结果",
            refusal="该报备{state}",
            url_name="enforcement:enterprise_inspection_result",
        ),
        Transition(
            "cancel_inspection",
            "取消报备",
            (V.REPORTED,),
            V.CANCELLED,
            guard="写明取消的理由",
            refusal="该报备{state}，不能取消",
            url_name="enforcement:enterprise_inspection_cancel",
        ),
    ),
)

# — 案卷评查: 评查中 → 已结束 —

R = CampaignStatus
CAMPAIGN_OVER = "评查活动已结束"
CAMPAIGN_FLOW = Workflow(
    key="enforcement.review_campaign",
    record_name="campaign",
    label="行政执法案卷评查",
    model=ReviewCampaign,
    state_field="status",
    noun="评查活动",
    law="行政执法监督的案卷评查制度",
    list_url_name="enforcement:campaign_list",
    transitions=(
        Transition(
            "select_case_files",
            "抽取案卷",
            (R.OPEN,),
            guard="从被评查单位已作出决定的执法案件中随机抽取",
            refusal=CAMPAIGN_OVER,
            url_name="enforcement:campaign_select",
        ),
        Transition(
            "add_case_file",
            "登记纸质案卷",
            (R.OPEN,),
            refusal=CAMPAIGN_OVER,
            url_name="enforcement:campaign_add_file",
        ),
        Transition(
            "score_case_file",
            "评分",
            (R.OPEN,),
            guard="在案卷页面逐项评分，不超过该项分值；扣分的写明发现的问题",
            refusal=CAMPAIGN_OVER,
            button=False,
        ),
        Transition(
            "issue_notice",
            "下发整改通知",
            (R.OPEN,),
            guard="向有案卷的被评查单位下发",
            refusal=CAMPAIGN_OVER,
            url_name="enforcement:campaign_notice",
        ),
        Transition(
            "close_campaign",
            "结束评查",
            (R.OPEN,),
            R.CLOSED,
            refusal=CAMPAIGN_OVER,
            url_name="enforcement:campaign_close",
        ),
    ),
)

# — 整改通知: 待整改 → 已反馈 → 已销号 —

N = NoticeStatus
NOTICE_FLOW = Workflow(
    key="enforcement.rectification_notice",
    record_name="notice",
    label="整改通知",
    model=RectificationNotice,
    state_field="status",
    noun="整改通知",
    law="行政执法监督的整改和销号制度",
    list_url_name="enforcement:notice_list",
    title_field="number",
    transitions=(
        Transition(
            "respond_notice",
            "登记整改情况",
            (N.ISSUED,),
            N.RESPONDED,
            guard="反馈日期不早于下发日期；逾期反馈的记为逾期",
            refusal="该通知已反馈整改情况",
            url_name="enforcement:notice_respond",
        ),
        Transition(
            "close_notice",
            "整改销号",
            (N.RESPONDED,),
            N.CLOSED,
            guard="销号日期不早于反馈日期",
            refusal="整改单位反馈整改情况后方可销号",
            url_name="enforcement:notice_close",
        ),
    ),
)

WORKFLOWS = (
    CERTIFICATE_FLOW,
    ACTION_FLOW,
    LIST_FLOW,
    INSPECTION_FLOW,
    CAMPAIGN_FLOW,
    NOTICE_FLOW,
)
