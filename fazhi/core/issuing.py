"""呈批 of a 文书, one implementation for every work line: a draft the officer may edit
(upload the edited .docx), approved by the role the law names, then numbered and issued —
the file frozen and its SHA-256 kept; a correction is a new document naming the old one;
送达 is recorded with its 送达回证, a (frozen) document too.

A line's document model takes its fields from `IssuableDocument` and its 送达 record from
`ServiceRecord` (each adds the foreign keys to its own records); the line's services call
the steps here inside their own `@service` (they check the line's permissions, audit and
say which role approves which kind).
"""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from django.utils import timezone

from . import wordtemplates
from .attachments import read_checked
from .guards import not_future, saved
from .querysets import active_membership
from .roles import Role
from .wordtemplates import Field, chinese_date


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    APPROVED = "approved", "已审批·待签发"
    ISSUED = "issued", "已签发"


class ServiceMethod(models.TextChoices):
    DIRECT = "direct", "直接送达"
    POST = "post", "邮寄送达"
    ELECTRONIC = "electronic", "电子送达"


RECEIPT = "service_receipt"  # the kind of a 送达回证 in every line (not numbered)


class IssuableDocument(models.Model):
    """The fields of a 文书 on its way from draft to issued."""

    Status = DocumentStatus

    kind = models.CharField("文书", max_length=30)
    title = models.CharField("标题", max_length=100)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.DRAFT)
    document_date = models.DateField("文书日期", null=True, blank=True)
    year = models.PositiveSmallIntegerField()
    serial = models.PositiveIntegerField(null=True, blank=True)
    number = models.CharField("文号", max_length=60, blank=True)
    file = models.FileField(upload_to="documents/%Y/", max_length=200)
    # What the officer wrote for the template (facts, reasoning …) and the step's text.
    written = models.JSONField(default=dict, blank=True)
    uploaded = models.BooleanField("承办人上传了修改稿", default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField("审批时间", null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    issued_date = models.DateField("签发日期", null=True, blank=True)
    sha256 = models.CharField("签发文件SHA-256", max_length=64, blank=True)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name="更正的文书",
    )

    download_url_name = ""  # "app:view" of the file's download, taking pk

    class Meta:
        abstract = True

    def get_download_url(self) -> str:
        return reverse(self.download_url_name, kwargs={"pk": self.pk})

    @property
    def issued(self) -> bool:
        return self.status == DocumentStatus.ISSUED


class ServiceRecord(models.Model):
    """The fields of one 送达: how, when and to whom (the line adds `document` and `receipt`)."""

    Method = ServiceMethod

    method = models.CharField("送达方式", max_length=12, choices=Method.choices)
    served_date = models.DateField("送达日期")
    recipient = models.CharField("受送达人", max_length=100)
    address = models.CharField("送达地址或电子送达地址", max_length=200, blank=True)
    note = models.CharField("备注（邮件号等）", max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        abstract = True


# — the 送达回证's template (each line registers it under its own key) —

SERVICE_FIELDS = (
    Field("机关", "制发文书的机关"),
    Field("日期", "送达日期"),
    Field("送达文书", "送达的文书名称和文号"),
    Field("受送达人", "受送达人"),
    Field("送达方式", "直接送达、邮寄送达或电子送达"),
    Field("送达地址", "送达地址或电子送达地址"),
    Field("送达日期", "送达日期"),
    Field("备注", "邮件号等"),
    Field("送达人", "送达人"),
)
SERVICE_LINES = (
    ("title", "{{ 机关 }}"),
    ("title", "送达回证"),
    ("left", "送达文书：{{ 送达文书 }}"),
    ("left", "受送达人：{{ 受送达人 }}"),
    ("left", "送达方式：{{ 送达方式 }}"),
    ("left", "送达地址：{{ 送达地址 }}"),
    ("left", "送达日期：{{ 送达日期 }}"),
    ("left", "{% if 备注 %}备注：{{ 备注 }}{% endif %}"),
    ("left", "受送达人签名或者盖章：            年    月    日"),
    ("left", "送达人：{{ 送达人 }}"),
    ("right", "{{ 机关 }}"),
    ("seal", "{{ 日期 }}"),
)


def receipt_fields(document, *, actor, method, date, recipient, address="", note="") -> dict:
    """What a 送达回证 of `document` says."""
    return {
        "送达文书": f"{document.title}（{document.number}）",
        "受送达人": recipient,
        "送达方式": ServiceMethod(method).label,
        "送达地址": address or "—",
        "送达日期": chinese_date(date),
        "备注": note,
        "送达人": actor.get_full_name() or actor.username,
    }


# — the steps —


def store(document, content: bytes) -> None:
    name = f"{document.title}（{document.number or '草稿'}）.docx"
    document.file.save(name, ContentFile(content), save=False)


def read(document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


def draft_only(document) -> None:
    if document.status != DocumentStatus.DRAFT:
        raise ValidationError(f"{document.title}已{document.get_status_display()}，不能再修改")


def take_upload(document, uploaded_file) -> str:
    """An edited draft (.docx from Word or WPS) replaces the generated one; its name."""
    draft_only(document)
    content = read_checked(uploaded_file)
    if not content.name.lower().endswith(".docx"):
        raise ValidationError("文书草稿须为Word文档（.docx）")
    wordtemplates.check(content.data, set(wordtemplates.ISSUE_FIELDS))
    if document.kind != RECEIPT and "文号" not in wordtemplates.fields_in(content.data):
        raise ValidationError("草稿中须保留“{{ 文号 }}”，签发时在该处填入文号")
    store(document, content.data)
    document.uploaded = True
    saved(document)
    return content.name


def role_of(actor) -> str | None:
    membership = active_membership(actor)
    return membership.role if membership else None


def approve(document, *, actor, roles: tuple[str, ...], article: str) -> None:
    """审批 by one of `roles` (the role the law names, `article`)."""
    draft_only(document)
    if role_of(actor) not in roles and not actor.is_superuser:
        names = "、".join(Role(role).label for role in roles)
        raise ValidationError(f"{document.title}须由{names}审批（{article}）")
    document.status = DocumentStatus.APPROVED
    document.approved_by = actor
    document.approved_at = timezone.now()
    saved(document)


def freeze(document, *, actor, date, content: bytes) -> None:
    """Issued: nothing left to fill, the file stored for good and its SHA-256 kept."""
    leftover = wordtemplates.leftover_fields(content)
    if leftover:
        raise ValidationError(f"文书中仍有未填写的字段：{'、'.join(leftover)}")
    document.status = DocumentStatus.ISSUED
    document.issued_by = actor
    document.issued_date = date
    document.sha256 = hashlib.sha256(content).hexdigest()
    store(document, content)
    saved(document)


def check_issue(document, date) -> None:
    if document.status != DocumentStatus.APPROVED:
        raise ValidationError(f"{document.title}尚未审批，不能签发")
    not_future(date, "签发日期")
    if document.document_date and date < document.document_date:
        raise ValidationError("签发日期不能早于文书日期")


def issue(document, *, actor, date, number) -> None:
    """签发 with `number` (a core/numbering.py Number, taken by the caller after
    `check_issue`): filled into the draft, then frozen."""
    document.serial, document.number = number
    document.year = date.year
    content = wordtemplates.fill_issue_fields(
        read(document), {"文号": document.number, "签发日期": chinese_date(date)}
    )
    freeze(document, actor=actor, date=date, content=content)


def check_correction(document, reason: str) -> None:
    if not document.issued or document.kind == RECEIPT:
        raise ValidationError("只能更正已签发的文书")
    if not reason.strip():
        raise ValidationError("请写明更正的理由")


def correction_words(document) -> str:
    """The 更正说明 of a correction of `document` (the template's field)."""
    return (
        f"本文书更正本机关{chinese_date(document.document_date)}作出的"
        f"{document.title}（{document.number}），原文书自本文书送达之日起不再执行。"
    )


def check_service(document, *, date, recipient: str) -> None:
    if not document.issued or document.kind == RECEIPT:
        raise ValidationError("只有已签发的文书可以送达")
    not_future(date, "送达日期")
    if date < document.issued_date:
        raise ValidationError("送达日期不能早于签发日期")
    if not recipient.strip():
        raise ValidationError("请填写受送达人")


def serve(document, *, model, draft_receipt, actor, method, date, recipient, address="", note=""):
    """送达 of an issued `document`: its 送达回证 drafted by `draft_receipt(date=…, **fields)`
    and frozen at once, and the `model` (the line's ServiceRecord) saved."""
    check_service(document, date=date, recipient=recipient)
    fields = receipt_fields(
        document,
        actor=actor,
        method=method,
        date=date,
        recipient=recipient,
        address=address,
        note=note,
    )
    receipt = draft_receipt(date=date, **fields)
    freeze(receipt, actor=actor, date=date, content=read(receipt))
    return saved(
        model(
            document=document,
            method=method,
            served_date=date,
            recipient=recipient,
            address=address,
            note=note,
            receipt=receipt,
            recorded_by=actor,
        )
    )
