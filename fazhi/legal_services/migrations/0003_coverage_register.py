import datetime

from django.db import migrations, models


def fill(apps, schema_editor):
    """Villages already on the roster are listed from the day they were entered; an adviser
    leaves the day after the term's last day."""
    Village = apps.get_model("legal_services", "Village")
    for village in Village.objects.all():
        village.listed_date = village.created_at.date()
        village.save(update_fields=["listed_date"])
    Adviser = apps.get_model("legal_services", "VillageAdviser")
    for adviser in Adviser.objects.all():
        adviser.left_date = adviser.end + datetime.timedelta(days=1)
        adviser.save(update_fields=["left_date"])


class Migration(migrations.Migration):
    dependencies = [
        ("legal_services", "0002_referrals"),
    ]

    operations = [
        migrations.AddField(
            model_name="village",
            name="listed_date",
            field=models.DateField(null=True, verbose_name="列入名册日期"),
        ),
        migrations.AddField(
            model_name="village",
            name="removed_date",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="撤并日期"),
        ),
        migrations.AddField(
            model_name="villageadviser",
            name="left_date",
            field=models.DateField(editable=False, null=True, verbose_name="离任日期"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="village",
            name="listed_date",
            field=models.DateField(verbose_name="列入名册日期"),
        ),
        migrations.AlterField(
            model_name="villageadviser",
            name="left_date",
            field=models.DateField(editable=False, verbose_name="离任日期"),
        ),
    ]
