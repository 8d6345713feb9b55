"""The 文号 sequences move to the core's NumberSequence (kind "reconsideration.<kind>"), so
every work line numbers the same way; numbering continues where each sequence stood."""

from django.db import migrations


def to_core(apps, schema_editor):
    old = apps.get_model("reconsideration", "DocumentSequence")
    new = apps.get_model("core", "NumberSequence")
    new.objects.bulk_create(
        new(unit_id=row.unit_id, kind=f"reconsideration.{row.kind}", year=row.year, last=row.last_number)
        for row in old.objects.all()
    )


def from_core(apps, schema_editor):
    old = apps.get_model("reconsideration", "DocumentSequence")
    new = apps.get_model("core", "NumberSequence")
    prefix = "reconsideration."
    old.objects.bulk_create(
        old(unit_id=row.unit_id, kind=row.kind[len(prefix) :], year=row.year, last_number=row.last)
        for row in new.objects.filter(kind__startswith=prefix)
    )
    new.objects.filter(kind__startswith=prefix).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_number_sequence"),
        ("reconsideration", "0003_kit_records"),
    ]

    operations = [
        migrations.RunPython(to_core, from_core),
        migrations.DeleteModel(name="DocumentSequence"),
    ]
