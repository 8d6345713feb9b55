"""The 普法, 社区矫正, 公共法律服务 and 法治督察 tables (fazhi/statistics/tables.py
LINE_TABLES, as of this migration), installed as 0002 installs the first six."""

import copy

from django.db import migrations

LINE_CODES = ("SF普1表", "SF矫1表", "SF公1表", "FZ督1表")


def install(apps, schema_editor):
    from fazhi.statistics.tables import SHIPPED

    ReturnTemplate = apps.get_model("statistics", "ReturnTemplate")
    for definition in SHIPPED:
        if definition["code"] in LINE_CODES:
            ReturnTemplate.objects.get_or_create(
                code=definition["code"],
                version=definition["version"],
                defaults={
                    k: copy.deepcopy(v)
                    for k, v in definition.items()
                    if k not in ("code", "version")
                },
            )


def remove(apps, schema_editor):
    apps.get_model("statistics", "ReturnTemplate").objects.filter(code__in=LINE_CODES).delete()


class Migration(migrations.Migration):
    dependencies = [("statistics", "0003_nil_returns_records_send_backs")]
    operations = [migrations.RunPython(install, remove)]
