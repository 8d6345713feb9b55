"""The statutory periods of 法律援助 and the settings that decide how they count
(docs/rules.md, 法律援助).

法律援助法 has no article like 行政处罚法 第八十五条 that makes short periods working days, so
its 日 are calendar days (the start day not counted, a last day on a holiday moved to the next
working day: 民事诉讼法 第八十五条) unless a setting here says otherwise.
"""

import datetime

from fazhi.core.calendar import add_days, add_working_days

NATURAL = "natural"
WORKING = "working"

# 法律援助法 第四十三条第一款: 自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定.
# The law says 七日; the 2012 司法部 程序规定 (第十三条) said 七个工作日 — a 规章 cannot
# lengthen a period the law sets, so calendar days are the default; WORKING restores the
# rule's reading where a province keeps it.
DECISION_DAYS = 7
DECISION_DAY_TYPE = NATURAL

# 第四十三条第一款: 自作出决定之日起三日内指派; 第三十六条: 收到通知后三日内指派.
ASSIGNMENT_DAYS = 3
# 第三十六条: 办案机关 发现情形后三日内通知.
ORGAN_NOTICE_DAYS = 3
# 第三十九条: 二十四小时内转交.
FORWARDING_HOURS = 24
# 第四十四条第一款第一项: 距法定时效或者期限届满不足七日.
PROVISIONAL_DAYS = 7
# 第四十九条第二款: 自收到异议之日起五日内进行审查.
OBJECTION_DAYS = 5
# 第四十三条第二款 sets no period for 补正; the notice names one (setting: 15 days), after which
# the application 视为撤回.
SUPPLEMENT_DAYS = 15
# 第五十条 says 及时; the 司法部 程序规定 gives 30 days after the matter ends for the closure
# report and the documents (2023 article number unverified).
CLOSURE_DAYS = 30


def decision_due(received: datetime.date) -> datetime.date:
    """The 审查决定 period of 第四十三条, from the day the application (or its 补正) arrived."""
    if DECISION_DAY_TYPE == WORKING:
        return add_working_days(received, DECISION_DAYS)
    return add_days(received, DECISION_DAYS)


def assignment_due(start: datetime.date) -> datetime.date:
    return add_days(start, ASSIGNMENT_DAYS)


def objection_due(received: datetime.date) -> datetime.date:
    return add_days(received, OBJECTION_DAYS)


def supplement_due(requested: datetime.date) -> datetime.date:
    return add_days(requested, SUPPLEMENT_DAYS)


def closure_due(concluded: datetime.date) -> datetime.date:
    return add_days(concluded, CLOSURE_DAYS)


# 法律援助法 第五十六条: 接到投诉后，应当依照有关规定受理和调查处理，并及时向投诉人告知处理结果.
# The law names no period; the 有关规定 is the 司法部 法律援助投诉处理办法 (2013 text, as the
# counties publish it: 受理 within 5 working days of receipt, 办结 within 45 days of
# acceptance, the complainant told within 5 working days of the decision). The 2025 rule
# (司法部令第149号) was not read: settings (docs/rules.md).
COMPLAINT_ACCEPT_WORKING_DAYS = 5
COMPLAINT_HANDLE_DAYS = 45
COMPLAINT_REPLY_WORKING_DAYS = 5


def complaint_accept_due(received: datetime.date) -> datetime.date:
    return add_working_days(received, COMPLAINT_ACCEPT_WORKING_DAYS)


def complaint_handle_due(accepted: datetime.date) -> datetime.date:
    return add_days(accepted, COMPLAINT_HANDLE_DAYS)


def complaint_reply_due(decided: datetime.date) -> datetime.date:
    return add_working_days(decided, COMPLAINT_REPLY_WORKING_DAYS)
