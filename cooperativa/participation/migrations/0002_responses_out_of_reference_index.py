"""Responses and their notes are no longer in Wagtail's reference index
(models.Response.wagtail_reference_index_ignore): remove the entries recorded
before, so that a page's "Usage" lists no response."""

from django.db import migrations


def remove_entries(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    types = ContentType.objects.filter(app_label="participation", model__in=["response", "responsenote"])
    ReferenceIndex.objects.filter(content_type__in=types).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(remove_entries, migrations.RunPython.noop)]
