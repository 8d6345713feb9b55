"""整改通知 numbers move to the core's NumberSequence (kind "enforcement.rectification_notice"):
each issuing unit's sequence of a year starts after the highest number it has given, so
numbering continues without reusing a number (the old count()+1 could)."""

import re

from django.db import migrations

KIND = "enforcement.rectification_notice"
NUMBER = re.compile(r"〔(\d{4})〕(\d+)号$")


def to_core(apps, schema_editor):
    notices = apps.get_model("enforcement", "RectificationNotice")
    sequences = apps.get_model("core", "NumberSequence")
    highest: dict[tuple[int, int], int] = {}
    for unit_id, number in notices.objects.values_list("unit_id", "number"):
        found = NUMBER.search(number)
        if found:
            key = (unit_id, int(found.group(1)))
            highest[key] = max(highest.get(key, 0), int(found.group(2)))
    for (unit_id, year), last in highest.items():
        sequence, _ = sequences.objects.get_or_create(unit_id=unit_id, kind=KIND, year=year)
        if sequence.last < last:
            sequence.last = last
            sequence.save()


def from_core(apps, schema_editor):
    apps.get_model("core", "NumberSequence").objects.filter(kind=KIND).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_number_sequence"),
        ("enforcement", "0002_kit_records"),
    ]

    operations = [migrations.RunPython(to_core, from_core)]
