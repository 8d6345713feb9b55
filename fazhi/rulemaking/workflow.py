"""The flows of the rulemaking records as data, printed at /workflows/ beside the law.

A document: 起草中 → 合法性审核中 → 审核完毕 (集体审议 recorded) → 已公布; a filing: 已报备 →
已登记 (or 暂缓登记 → 补正 → 已登记) → 已办结 or 纠错中 → 已办结; a decision: the procedures of
the 重大行政决策程序暂行条例 in their order."""

from fazhi.core.roles import Role
from fazhi.core.workflow import Transition, Workflow

from .models import Decision, DecisionState, Filing, FilingState, NormativeDocument, Stage

D = Stage
DOCUMENT_FLOW = Workflow(
    key="rulemaking.document",
    label="规范性文件",
    model=NormativeDocument,
    state_field="stage",
    noun="文件",
    law="《规章制定程序条例》（县级以上地方人民政府制定规范性文件参照执行，第三十六条）和本地规范性文件管理规定",
    intro="合法性审核期限为设置项（docs/rules.md），逾期的标注；审核意见为“不合法”的退回起草。",
    step_url_name="rulemaking:document_step",
    list_url_name="rulemaking:document_list",
    denied="无权办理该规范性文件",
    transitions=(
        Transition(
            "record_consultation",
            "登记征求意见",
            (D.DRAFTING,),
            article="规章制定程序条例第十五条",
            guard="征求意见期限起止日期有序；采纳数不超过收到数",
        ),
        Transition(
            "send_for_review",
            "送合法性审核",
            (D.DRAFTING,),
            D.REVIEWING,
            article="国办发〔2018〕115号（合法性审核机制）",
            guard="写明审核机构；审核期限按工作日计算",
        ),
        Transition(
            "record_review",
            "登记审核意见",
            (D.REVIEWING,),
            D.REVIEWED,
            outcomes=(D.DRAFTING,),
            roles=(Role.REVIEWER,),
            article="国办发〔2018〕115号",
            guard="审核人、审核意见、完成日期；“不合法”的退回起草中",
        ),
        Transition(
            "record_deliberation",
            "登记集体审议",
            (D.REVIEWED,),
            article="国办发〔2018〕37号（集体审议）",
            guard="审议会议和日期，不早于审核完成日期",
        ),
        Transition(
            "publish_document",
            "公布",
            (D.REVIEWED,),
            D.PUBLISHED,
            roles=(Role.REVIEWER, Role.OFFICER),
            article="规章制定程序条例第三十二条",
            guard="合法性审核已完成且意见为合法或修改后合法；已集体审议；施行日不早于公布后30日，否则写明理由",
        ),
        Transition(
            "change_status",
            "变更效力状态",
            (D.PUBLISHED,),
            article="规章制定程序条例第三十七条",
            guard="修改、废止、失效或到期继续执行，写明理由",
        ),
    ),
)

F = FilingState
FILING_FLOW = Workflow(
    key="rulemaking.filing",
    label="规范性文件备案审查",
    model=Filing,
    noun="备案",
    law="《法规规章备案审查条例》（规范性文件备案审查参照执行）",
    cite="备案审查条例",
    intro="报备期限为设置项（默认公布之日起30日，docs/rules.md），逾期报备自动标注“延迟报备”。",
    step_url_name="rulemaking:filing_step",
    list_url_name="rulemaking:filing_list",
    denied="无权办理该备案",
    periods=(
        ("报备", "公布之日起30日（可按地区设置）", "第四条"),
        ("补正", "收到通知之日起15日", "第九条第二款"),
        ("处理情况回复", "接到纠错通知之日起30日", "第二十一条"),
    ),
    transitions=(
        Transition(
            "register_filing",
            "予以登记",
            (F.FILED, F.DEFERRED),
            F.REGISTERED,
            roles=(Role.REVIEWER,),
            article="第九条",
            guard="报备材料齐全（报告、正式文本、说明）；暂缓登记的补正后登记",
        ),
        Transition(
            "defer_filing",
            "暂缓登记",
            (F.FILED,),
            F.DEFERRED,
            roles=(Role.REVIEWER,),
            article="第九条第二款",
            guard="补正期限为通知之日起15日",
        ),
        Transition(
            "review_filing",
            "登记审查结果",
            (F.REGISTERED,),
            F.CLOSED,
            outcomes=(F.CORRECTING,),
            roles=(Role.REVIEWER,),
            article="第十三条、第十八条",
            guard="审查权限、上位法、程序；无问题的办结，其余进入纠错",
        ),
        Transition(
            "record_reply",
            "登记制定机关回复",
            (F.CORRECTING,),
            article="第二十一条",
            guard="回复日期不早于审查日期",
        ),
        Transition(
            "close_correction",
            "纠错办结",
            (F.CORRECTING,),
            F.CLOSED,
            roles=(Role.REVIEWER,),
            article="第三条（有错必纠）、第十八条",
            guard="须已登记制定机关修改或者废止该文件（效力状态变更）",
        ),
    ),
)

S = DecisionState
BEFORE_REVIEW = (S.STARTED, S.CONSULTING, S.DRAFTED)
DECISION_FLOW = Workflow(
    key="rulemaking.decision",
    label="重大行政决策",
    model=Decision,
    noun="决策",
    law="《重大行政决策程序暂行条例》",
    cite="条例",
    intro="公开征求意见一般不少于30日；送请合法性审查应保证不少于7个工作日的审查时间；第二十九条的会议材料齐全方可提交集体讨论。",
    step_url_name="rulemaking:decision_step",
    list_url_name="rulemaking:decision_list",
    denied="无权办理该决策",
    periods=(
        ("公开征求意见", "一般不少于30日", "第十五条"),
        ("听证会材料送达", "听证会7日前", "第十六条第三款"),
        ("合法性审查时间", "一般不少于7个工作日", "第二十六条第二款"),
    ),
    transitions=(
        Transition(
            "open_comment",
            "公开征求意见",
            (S.STARTED,),
            S.CONSULTING,
            article="第十四条、第十五条",
            guard="期限一般不少于30日，缩短的须说明理由",
        ),
        Transition(
            "skip_comment",
            "不公开征求意见",
            (S.STARTED,),
            S.DRAFTED,
            article="第十四条",
            guard="依法不予公开的决策事项，写明理由",
        ),
        Transition(
            "close_comment",
            "意见研究采纳",
            (S.CONSULTING,),
            S.DRAFTED,
            article="第十六条至第十八条",
            guard="征求意见期满后；举行听证的，材料于听证会7日前送达",
        ),
        Transition(
            "record_participation",
            "登记公众参与",
            BEFORE_REVIEW,
            article="第十四条、第十六条、第十七条",
            guard="座谈会、听证会、实地走访等；听证会材料于7日前送达参加人",
        ),
        Transition(
            "record_expert_review",
            "登记专家论证",
            BEFORE_REVIEW,
            article="第十九条至第二十一条",
            guard="专家名单及利益冲突声明",
        ),
        Transition(
            "record_risk_assessment",
            "登记风险评估",
            BEFORE_REVIEW,
            article="第二十二条至第二十四条",
            guard="评估报告，是否可控",
        ),
        Transition(
            "send_legality_review",
            "送请合法性审查",
            (S.DRAFTED,),
            S.LEGALITY_REVIEW,
            article="第二十五条、第二十六条",
            guard="审查期限不少于7个工作日",
        ),
        Transition(
            "record_legality_review",
            "登记合法性审查意见",
            (S.LEGALITY_REVIEW,),
            S.REVIEWED,
            outcomes=(S.DRAFTED,),
            roles=(Role.REVIEWER,),
            article="第二十七条、第二十八条",
            guard="法律顾问、公职律师的法律意见；“不合法”的不得提交讨论（第二十五条第二款）",
        ),
        Transition(
            "record_collective_decision",
            "集体讨论决定",
            (S.REVIEWED,),
            S.DECIDED,
            roles=(Role.REVIEWER, Role.OFFICER),
            article="第二十九条、第三十条",
            guard="决策机关的常务会议或者全体会议（会议台账）；第二十九条材料齐全；不同意见如实载明；首长决定与多数意见不一致的说明理由",
        ),
        Transition(
            "publish_decision",
            "公布决策",
            (S.DECIDED,),
            S.PUBLISHED,
            article="第三十一条、第三十二条",
            guard="已向同级党委请示报告；公布途径",
        ),
        Transition(
            "record_execution",
            "登记执行情况或后评估",
            (S.PUBLISHED, S.ARCHIVED),
            article="第三十四条至第三十六条",
        ),
        Transition(
            "archive_decision", "过程记录归档", (S.PUBLISHED,), S.ARCHIVED, article="第三十三条"
        ),
        Transition(
            "stop_decision",
            "变更或停止执行",
            (S.PUBLISHED, S.ARCHIVED),
            S.STOPPED,
            roles=(Role.REVIEWER,),
            article="第三十七条",
            guard="写明理由",
        ),
    ),
)
