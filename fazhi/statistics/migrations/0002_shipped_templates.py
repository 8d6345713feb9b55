"""The shipped 报表制度 (fazhi/statistics/tables.py, as of this migration): a later change of a
table is a new version in a migration of its own, so that old returns keep theirs."""

import copy

from django.db import migrations

SHIPPED_CODES = ("FZ复1表", "FZ诉1表", "SF调1表", "SF援1表", "SF执1表", "FZ综1表")


def install(apps, schema_editor):
    from fazhi.statistics.tables import SHIPPED

    ReturnTemplate = apps.get_model("statistics", "ReturnTemplate")
    for definition in SHIPPED:
        if definition["code"] in SHIPPED_CODES:
            ReturnTemplate.objects.get_or_create(
                code=definition["code"],
                version=definition["version"],
                defaults={k: copy.deepcopy(v) for k, v in definition.items() if k not in ("code", "version")},
            )


def remove(apps, schema_editor):
    apps.get_model("statistics", "ReturnTemplate").objects.filter(code__in=SHIPPED_CODES).delete()


class Migration(migrations.Migration):
    dependencies = [("statistics", "0001_initial")]
    operations = [migrations.RunPython(install, remove)]
