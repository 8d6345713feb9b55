from django.urls import path

from .views import (
    actions,
    agencies,
    certificates,
    enterprise_inspections,
    penalty_lists,
    reviews,
    supervision,
)

app_name = "enforcement"

urlpatterns = [
    path("", agencies.agency_list, name="agency_list"),
    path("agencies/new/", agencies.agency_create, name="agency_create"),
    path("agencies/<int:pk>/", agencies.agency_detail, name="agency_detail"),
    path("agencies/<int:pk>/major-item/", agencies.agency_major_item, name="agency_major_item"),
    path("agencies/<int:pk>/officer/", agencies.agency_officer, name="agency_officer"),
    path("agencies/<int:pk>/import/", agencies.agency_import, name="agency_import"),
    path(
        "agencies/<int:pk>/import-actions/",
        agencies.agency_import_actions,
        name="agency_import_actions",
    ),
    path("officers/", agencies.officer_list, name="officer_list"),
    path("officers/<int:pk>/", agencies.officer_detail, name="officer_detail"),
    path("officers/<int:pk>/apply/", certificates.officer_apply, name="officer_apply"),
    path("officers/<int:pk>/training/", certificates.officer_training, name="officer_training"),
    path("certificates/", certificates.certificate_list, name="certificate_list"),
    path("certificates/<int:pk>/exam/", certificates.certificate_exam, name="certificate_exam"),
    path("certificates/<int:pk>/issue/", certificates.certificate_issue, name="certificate_issue"),
    path(
        "certificates/<int:pk>/review/", certificates.certificate_review, name="certificate_review"
    ),
    path(
        "certificates/<int:pk>/suspend/",
        certificates.certificate_suspend,
        name="certificate_suspend",
    ),
    path(
        "certificates/<int:pk>/withdraw/",
        certificates.certificate_withdraw,
        name="certificate_withdraw",
    ),
    path("actions/", actions.action_list, name="action_list"),
    path("actions/new/", actions.action_create, name="action_create"),
    path("actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("actions/<int:pk>/publicity/", actions.action_publicity, name="action_publicity"),
    path("actions/<int:pk>/recording/", actions.action_recording, name="action_recording"),
    path("actions/<int:pk>/review/", actions.action_review, name="action_review"),
    path("actions/<int:pk>/decide/", actions.action_decide, name="action_decide"),
    path("actions/<int:pk>/step/", actions.action_step, name="action_step"),
    path("lists/", penalty_lists.penalty_lists, name="penalty_lists"),
    path("lists/new/", penalty_lists.penalty_list_create, name="penalty_list_create"),
    path("lists/<int:pk>/", penalty_lists.penalty_list_detail, name="penalty_list_detail"),
    path("lists/<int:pk>/item/", penalty_lists.penalty_list_item_add, name="penalty_list_item_add"),
    path("lists/<int:pk>/import/", penalty_lists.penalty_list_import, name="penalty_list_import"),
    path(
        "lists/<int:pk>/publish/", penalty_lists.penalty_list_publish, name="penalty_list_publish"
    ),
    path(
        "enterprise-inspections/",
        enterprise_inspections.enterprise_inspection_list,
        name="enterprise_inspection_list",
    ),
    path(
        "enterprise-inspections/new/",
        enterprise_inspections.enterprise_inspection_create,
        name="enterprise_inspection_create",
    ),
    path(
        "enterprise-inspections/<int:pk>/",
        enterprise_inspections.enterprise_inspection_detail,
        name="enterprise_inspection_detail",
    ),
    path(
        "enterprise-inspections/<int:pk>/cancel/",
        enterprise_inspections.enterprise_inspection_cancel,
        name="enterprise_inspection_cancel",
    ),
    path(
        "enterprise-inspections/<int:pk>/result/",
        enterprise_inspections.enterprise_inspection_result,
        name="enterprise_inspection_result",
    ),
    path("campaigns/", reviews.campaign_list, name="campaign_list"),
    path("campaigns/new/", reviews.campaign_create, name="campaign_create"),
    path("campaigns/<int:pk>/", reviews.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/select/", reviews.campaign_select, name="campaign_select"),
    path(
        "campaigns/<int:pk>/add-file/",
        reviews.campaign_add_file,
        name="campaign_add_file",
    ),
    path("campaigns/<int:pk>/notice/", reviews.campaign_notice, name="campaign_notice"),
    path("campaigns/<int:pk>/close/", reviews.campaign_close, name="campaign_close"),
    path("case-files/<int:pk>/", reviews.casefile_detail, name="casefile_detail"),
    path("supervision/", supervision.supervision_list, name="supervision_list"),
    path("supervision/new/", supervision.supervision_create, name="supervision_create"),
    path("supervision/<int:pk>/", supervision.supervision_detail, name="supervision_detail"),
    path(
        "supervision/<int:pk>/notice/",
        supervision.supervision_notice,
        name="supervision_notice",
    ),
    path("notices/", supervision.notice_list, name="notice_list"),
    path("notices/<int:pk>/", supervision.notice_detail, name="notice_detail"),
    path(
        "notice-documents/<int:pk>/",
        supervision.notice_document_detail,
        name="notice_document_detail",
    ),
    path(
        "notice-documents/<int:pk>/file/",
        supervision.notice_document_download,
        name="notice_document_download",
    ),
    path("notices/<int:pk>/respond/", supervision.notice_respond, name="notice_respond"),
    path("notices/<int:pk>/close/", supervision.notice_close, name="notice_close"),
]
