"""重复提交 (issue 14, item 2): every rendered form carries a one-time token stored with its
user and form; the token is consumed in the transaction of the service the form runs. The
same token posted twice — one after the other, or at the same moment — registers one record,
the second submission gets a Chinese message, and a token of one form is no good on another."""

import datetime
import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fazhi.core.forms import REPEATED
from fazhi.core.models import FormToken
from fazhi.enforcement.models import EnforcementAction, Officer
from fazhi.litigation.models import Lawsuit
from fazhi.reconsideration.models import Case

ID_NUMBER = "11010519491231002X"
RECONSIDERATION = "/reconsideration/cases/new/"
LITIGATION = "/litigation/new/"


def token(response) -> str:
    return re.search(r'name="form_token" value="([0-9a-f]+)"', response.content.decode()).group(1)


def reconsideration_data(demo, name="重复提交申请人") -> dict:
    return {
        "channel": "in_person",
        "received_date": "2024-09-27",
        "applicant_kind": "person",
        "applicant_name": name,
        "applicant_id_number": ID_NUMBER,
        "respondent": demo.units["donghu_enf1"].pk,
        "act_kind": "penalty",
        "act_date": "2024-09-01",
        "act_known_date": "2024-09-05",
        "rights_notified": "on",
        "request": "请求撤销罚款决定",
        "act_amount": "5000",
    }


def lawsuit_data(client, demo) -> dict:
    today = timezone.localdate()
    return {
        "form_token": token(client.get(LITIGATION)),
        "unit": demo.units["donghu_justice"].pk,
        "case_number": "(2026)鲁9901行初88号",
        "trial_level": "first",
        "court": "东湖区人民法院",
        "plaintiff": "重复提交原告",
        "contested_act": "行政复议不予受理决定",
        "filed_date": (today - datetime.timedelta(days=5)).isoformat(),
        "served_date": (today - datetime.timedelta(days=3)).isoformat(),
        "defendant_role": "sole",
    }


def test_a_registration_posted_twice_registers_one_case(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    data = {"form_token": token(client.get(RECONSIDERATION)), **reconsideration_data(demo)}
    assert client.post(RECONSIDERATION, data).status_code == 302
    again = client.post(RECONSIDERATION, data)
    assert again.status_code == 200 and REPEATED in again.content.decode()
    assert Case.objects.filter(parties__name="重复提交申请人").count() == 1


def test_a_lawsuit_posted_twice_registers_one_lawsuit(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    data = lawsuit_data(client, demo)
    first = client.post(LITIGATION, data)
    assert first.status_code == 302, first.content.decode()[:2000]
    assert REPEATED in client.post(LITIGATION, data).content.decode()
    assert Lawsuit.objects.filter(plaintiff="重复提交原告").count() == 1


def test_an_enforcement_action_posted_twice_through_the_kits_form_page_is_one(demo, client_as):
    from fazhi.core.guards import today

    client = client_as(demo.users["donghu_supervisor"])
    url = reverse("enforcement:action_create")
    market = demo.units["donghu_enf0"]
    officers = [o.pk for o in Officer.objects.filter(unit=market, is_legal_reviewer=False)[:2]]
    data = {
        "form_token": token(client.get(url)),
        "unit": market.pk,
        "kind": "penalty",
        "number": "重复罚〔2026〕1号",
        "party": "重复商店",
        "summary": "未悬挂营业执照",
        "started_date": today().isoformat(),
        "officers": officers,
    }
    assert client.post(url, data).status_code == 302
    assert REPEATED in client.post(url, data).content.decode()
    assert EnforcementAction.objects.filter(number="重复罚〔2026〕1号").count() == 1


def test_a_token_of_one_form_is_refused_on_another(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    foreign = token(client.get(LITIGATION))  # rendered for the lawsuit form
    response = client.post(RECONSIDERATION, {"form_token": foreign, **reconsideration_data(demo)})
    assert REPEATED in response.content.decode()
    assert not Case.objects.filter(parties__name="重复提交申请人").exists()


def test_a_token_of_another_user_is_refused(demo, client_as):
    theirs = token(client_as(demo.users["xishan_officer"]).get(RECONSIDERATION))
    client = client_as(demo.users["donghu_officer"])
    response = client.post(RECONSIDERATION, {"form_token": theirs, **reconsideration_data(demo)})
    assert REPEATED in response.content.decode()
    assert not Case.objects.filter(parties__name="重复提交申请人").exists()


def test_a_refused_submission_keeps_its_token_for_the_corrected_one(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    data = {"form_token": token(client.get(RECONSIDERATION)), **reconsideration_data(demo)}
    # The service refuses a known date after the receipt: the token stays for the retry.
    refused = client.post(RECONSIDERATION, {**data, "act_known_date": "2024-09-30"})
    assert refused.status_code == 200 and REPEATED not in refused.content.decode()
    assert client.post(RECONSIDERATION, data).status_code == 302
    assert Case.objects.filter(parties__name="重复提交申请人").count() == 1


def test_rendering_forms_changes_no_data_version(demo, client_as):
    from fazhi.core.dataversion import current

    client = client_as(demo.users["donghu_officer"])
    before = current()
    client.get(RECONSIDERATION)
    assert current() == before and FormToken.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_posts_of_one_token_register_one_case(committed_demo):
    demo = committed_demo
    first = Client()
    first.force_login(demo.users["donghu_officer"])
    second = Client()
    second.cookies = first.cookies  # the same browser session, the button clicked twice
    data = {"form_token": token(first.get(RECONSIDERATION)), **reconsideration_data(demo)}
    start = threading.Barrier(2)
    statuses = []

    def post(client):
        try:
            start.wait()
            statuses.append(client.post(RECONSIDERATION, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(c,)) for c in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 302]
    assert Case.objects.filter(parties__name="重复提交申请人").count() == 1
