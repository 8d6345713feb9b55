"""The rosters' dates: a committee from 设立 to 撤销, a mediator from 入册 to 罢免/解聘, so
that the roster indicators count who is on it at a period's end."""

from django.db import migrations, models
from django.db.models import F, Q


def fill(apps, schema_editor):
    Committee = apps.get_model("mediation", "Committee")
    Mediator = apps.get_model("mediation", "Mediator")
    # Before these fields a committee's known start is its current term's; a mediator's the
    # day of registration; a dismissed mediator's leaving day is unknown — the registration
    # day is the earliest it can be, and keeps them off every later roster.
    Committee.objects.update(established_date=F("term_start"))
    for mediator in Mediator.objects.only("pk", "created_at", "status"):
        day = mediator.created_at.date()
        left = day if mediator.status == "dismissed" else None
        Mediator.objects.filter(pk=mediator.pk).update(appointed_date=day, left_date=left)


class Migration(migrations.Migration):
    dependencies = [("mediation", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="committee",
            name="established_date",
            field=models.DateField(null=True, verbose_name="设立日期"),
        ),
        migrations.AddField(
            model_name="committee",
            name="dissolved_date",
            field=models.DateField(blank=True, null=True, verbose_name="撤销日期"),
        ),
        migrations.AddField(
            model_name="committee",
            name="dissolution_note",
            field=models.CharField(blank=True, max_length=200, verbose_name="撤销原因"),
        ),
        migrations.AddField(
            model_name="mediator",
            name="appointed_date",
            field=models.DateField(null=True, verbose_name="入册日期"),
        ),
        migrations.AddField(
            model_name="mediator",
            name="left_date",
            field=models.DateField(blank=True, null=True, verbose_name="罢免或解聘日期"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="committee",
            name="established_date",
            field=models.DateField(verbose_name="设立日期"),
        ),
        migrations.AlterField(
            model_name="mediator",
            name="appointed_date",
            field=models.DateField(verbose_name="入册日期"),
        ),
        migrations.AddConstraint(
            model_name="committee",
            constraint=models.CheckConstraint(
                condition=Q(dissolved_date__isnull=True)
                | Q(dissolved_date__gte=F("established_date")),
                name="mediation_committee_dissolved_after_established",
                violation_error_message="撤销日期不能早于设立日期",
            ),
        ),
        migrations.AddConstraint(
            model_name="mediator",
            constraint=models.CheckConstraint(
                condition=Q(left_date__isnull=True) | Q(left_date__gte=F("appointed_date")),
                name="mediation_mediator_left_after_appointed",
                violation_error_message="罢免或解聘日期不能早于入册日期",
            ),
        ),
    ]
