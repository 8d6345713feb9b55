from django.urls import path

from . import views

app_name = "mediation"

urlpatterns = [
    path("", views.dispute_list, name="dispute_list"),
    path("new/", views.dispute_create, name="dispute_create"),
    path("import/", views.dispute_import, name="dispute_import"),
    path("<int:pk>/", views.dispute_detail, name="dispute_detail"),
    path("<int:pk>/document/", views.dispute_document, name="dispute_document"),
    path("<int:pk>/party/", views.dispute_party, name="dispute_party"),
    path("<int:pk>/session/", views.dispute_session, name="dispute_session"),
    path("<int:pk>/extend/", views.dispute_extend, name="dispute_extend"),
    path("<int:pk>/end/", views.dispute_end, name="dispute_end"),
    path("<int:pk>/agreement/", views.dispute_agreement, name="dispute_agreement"),
    path("<int:pk>/confirmation/", views.dispute_confirmation, name="dispute_confirmation"),
    path("<int:pk>/court/", views.dispute_court, name="dispute_court"),
    path("<int:pk>/follow-up/", views.dispute_follow_up, name="dispute_follow_up"),
    path("<int:pk>/return/", views.dispute_return, name="dispute_return"),
    path("<int:pk>/routing/", views.dispute_routing, name="dispute_routing"),
    path("<int:pk>/notice/", views.dispute_notice, name="dispute_notice"),
    path(
        "<int:pk>/petition-extend/", views.dispute_petition_extend, name="dispute_petition_extend"
    ),
    path("<int:pk>/review/", views.dispute_review, name="dispute_review"),
    path("<int:pk>/review-opinion/", views.dispute_review_opinion, name="dispute_review_opinion"),
    path("<int:pk>/typical/", views.dispute_typical, name="dispute_typical"),
    path("typical-cases/", views.typical_list, name="typical_list"),
    path("committees/", views.committee_list, name="committee_list"),
    path("committees/new/", views.committee_create, name="committee_create"),
    path("committees/<int:pk>/", views.committee_detail, name="committee_detail"),
    path("committees/<int:pk>/seat/", views.committee_seat, name="committee_seat"),
    path("committees/<int:pk>/filing/", views.committee_filing, name="committee_filing"),
    path("committees/<int:pk>/dissolve/", views.committee_dissolve, name="committee_dissolve"),
    path("mediators/", views.mediator_list, name="mediator_list"),
    path("mediators/new/", views.mediator_create, name="mediator_create"),
    path("mediators/<int:pk>/", views.mediator_detail, name="mediator_detail"),
    path("mediators/<int:pk>/dismiss/", views.mediator_dismiss, name="mediator_dismiss"),
    path("screenings/", views.screening_list, name="screening_list"),
    path("screenings/new/", views.screening_create, name="screening_create"),
    path("screenings/<int:pk>/", views.screening_detail, name="screening_detail"),
    path("findings/<int:pk>/settle/", views.finding_settle, name="finding_settle"),
    path("nil-reports/new/", views.nil_report_create, name="nil_report_create"),
]
