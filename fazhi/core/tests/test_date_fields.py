"""Date fields in ISO form: an `<input type=date>` takes only YYYY-MM-DD and stays blank on
the locale's 2026/12/01; steps that happen today open on today."""

import datetime
import importlib
import inspect

import pytest
from django import forms
from django.apps import apps
from django.utils import timezone, translation

from fazhi.core.forms import DateInput


def _date_fields():
    for config in apps.get_app_configs():
        if not config.name.startswith("fazhi."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for _, form in inspect.getmembers(module, inspect.isclass):
            if issubclass(form, forms.BaseForm) and form.__module__ == module.__name__:
                for name, field in form.base_fields.items():
                    if isinstance(field, forms.DateField):
                        yield f"{form.__module__}.{form.__name__}.{name}", field


def test_every_date_field_of_every_form_renders_an_iso_value():
    fields = dict(_date_fields())
    assert len(fields) > 40
    with translation.override("zh-hans"):
        for name, field in fields.items():
            html = field.widget.render("d", datetime.date(2026, 12, 1))
            assert isinstance(field.widget, DateInput), name
            assert 'type="date"' in html and 'value="2026-12-01"' in html, (name, html)
            assert field.clean("2026-12-01") == datetime.date(2026, 12, 1)


def _today_fields():
    return {name for name, field in _date_fields() if field.initial is timezone.localdate}


def test_steps_that_happen_today_open_on_today_and_past_facts_open_blank():
    today = _today_fields()
    assert {
        "fazhi.reconsideration.forms.AcceptForm.date",
        "fazhi.reconsideration.forms.RegisterForm.received_date",
        "fazhi.litigation.forms.AnswerForm.answer_filed_date",
        "fazhi.enforcement.forms.DecideForm.decided_date",
        "fazhi.enforcement.forms.CloseNoticeForm.closed_date",
        "fazhi.core.forms.DateCalculatorForm.start",
    } <= today
    # the contested act and the court's filing lie in the past: no guess
    assert (
        not {
            "fazhi.reconsideration.forms.RegisterForm.act_date",
            "fazhi.reconsideration.forms.RegisterForm.act_known_date",
            "fazhi.litigation.forms.LawsuitForm.filed_date",
            "fazhi.enforcement.forms.IssueForm.valid_until",
        }
        & today
    )


@pytest.mark.django_db
def test_a_step_page_opens_with_todays_date_filled_in(demo, client_as):
    from fazhi.reconsideration.models import Case

    case = Case.objects.filter(unit=demo.units["donghu_justice"], state="registered").first()
    assert case is not None
    client = client_as(demo.users["donghu_officer"])
    page = client.get(f"/reconsideration/cases/{case.pk}/step/?action=accept").content.decode()
    assert f'type="date" name="date" value="{timezone.localdate().isoformat()}"' in page
    page = client.get("/calendar/").content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in page
