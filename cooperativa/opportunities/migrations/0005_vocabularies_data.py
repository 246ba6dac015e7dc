"""Audiences and sectors become translatable vocabularies (step 2 of 3): the
labels that were translated in code become rows, in English (the default
language) and Italian, so that nothing on the site changes in appearance;
opportunities, and their saved revisions, point at the sector's row."""

import uuid

from django.conf import settings
from django.db import migrations

# code: (English, Italian), in their order in the filters. Frozen here: the
# rows are the vocabulary from now on, edited in the admin.
AUDIENCES = {
    "work_release": ("People in custody on work release", "Persone detenute ammesse al lavoro esterno"),
    "probation": ("People on probation or alternative measures", "Persone in messa alla prova o in misura alternativa"),
    "after_release": ("People after release", "Persone uscite dal carcere"),
    "lived_experience": ("People with lived experience", "Persone con esperienza diretta"),
    "families": ("Families and friends", "Familiari e amici"),
    "volunteers": ("Volunteers", "Volontari e volontarie"),
    "organisations": ("Partner organisations", "Enti partner"),
    "anyone": ("Anyone", "Chiunque"),
}
SECTORS = {
    "agriculture": ("Farming and gardening", "Agricoltura e giardinaggio"),
    "catering": ("Catering and food", "Ristorazione e alimentare"),
    "cleaning": ("Cleaning and maintenance", "Pulizie e manutenzione"),
    "laundry": ("Laundry and tailoring", "Lavanderia e sartoria"),
    "printing": ("Printing and design", "Stampa e grafica"),
    "recycling": ("Recycling and environment", "Riciclo e ambiente"),
    "crafts": ("Crafts and carpentry", "Artigianato e falegnameria"),
    "care": ("Care and social services", "Cura e servizi sociali"),
    "culture": ("Culture, sport and leisure", "Cultura, sport e tempo libero"),
    "education": ("Education and training", "Istruzione e formazione"),
    "retail": ("Shops and logistics", "Negozi e logistica"),
    "community": ("Community and advocacy", "Comunità e difesa dei diritti"),
}


def locales(apps):
    """(default locale, Italian locale or None)."""
    Locale = apps.get_model("wagtailcore.Locale")
    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    italian = Locale.objects.filter(language_code="it").exclude(pk=default.pk).first()
    return default, italian


def translate_rows(model, terms, default, italian):
    """Give each default-language row its label and an Italian twin."""
    for row in model.objects.filter(locale=default):
        english, italian_label = terms.get(row.code, (row.code, row.code))
        if not row.name:
            row.name = english
            row.save(update_fields=["name"])
        if italian and not model.objects.filter(locale=italian, code=row.code).exists():
            fields = {"position": row.position} if hasattr(row, "position") else {}
            model.objects.create(
                locale=italian,
                translation_key=row.translation_key,
                code=row.code,
                name=italian_label,
                **fields,
            )


def forwards(apps, schema_editor):
    Audience = apps.get_model("opportunities.Audience")
    Sector = apps.get_model("opportunities.Sector")
    OpportunityPage = apps.get_model("opportunities.OpportunityPage")
    Revision = apps.get_model("wagtailcore.Revision")
    default, italian = locales(apps)

    for audience in Audience.objects.filter(locale__isnull=True):
        audience.locale = default
        audience.translation_key = uuid.uuid4()
        audience.save(update_fields=["locale", "translation_key"])
    translate_rows(Audience, AUDIENCES, default, italian)

    for position, code in enumerate(SECTORS):
        Sector.objects.get_or_create(
            code=code,
            locale=default,
            defaults={"position": position, "translation_key": uuid.uuid4(), "name": ""},
        )
    # A code in use that the list does not know keeps working, named by its code.
    used = set(OpportunityPage.objects.values_list("sector", flat=True)) - set(SECTORS)
    for code in sorted(code for code in used if code):
        Sector.objects.get_or_create(
            code=code,
            locale=default,
            defaults={"position": len(SECTORS), "translation_key": uuid.uuid4(), "name": code},
        )
    translate_rows(Sector, SECTORS, default, italian)

    sectors = dict(Sector.objects.filter(locale=default).values_list("code", "pk"))
    for code, pk in sectors.items():
        OpportunityPage.objects.filter(sector=code).update(sector_term=pk)

    # Saved revisions name the sector by its code; from now on by the row,
    # so that an older revision can still be previewed, compared and restored.
    page_ids = [str(pk) for pk in OpportunityPage.objects.values_list("pk", flat=True)]
    for revision in Revision.objects.filter(
        object_id__in=page_ids, base_content_type__app_label="wagtailcore"
    ).iterator():
        code = revision.content.get("sector")
        if isinstance(code, str) and code in sectors:
            revision.content["sector"] = sectors[code]
            revision.save(update_fields=["content"])


def backwards(apps, schema_editor):
    Audience = apps.get_model("opportunities.Audience")
    OpportunityPage = apps.get_model("opportunities.OpportunityPage")
    Revision = apps.get_model("wagtailcore.Revision")
    default, _italian = locales(apps)
    Audience.objects.exclude(locale=default).delete()
    codes = {}
    for page in OpportunityPage.objects.select_related("sector_term"):
        if page.sector_term_id:
            codes[page.sector_term_id] = page.sector_term.code
            page.sector = page.sector_term.code
            page.save(update_fields=["sector"])
    page_ids = [str(pk) for pk in OpportunityPage.objects.values_list("pk", flat=True)]
    for revision in Revision.objects.filter(object_id__in=page_ids).iterator():
        pk = revision.content.get("sector")
        if isinstance(pk, int) and pk in codes:
            revision.content["sector"] = codes[pk]
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0004_vocabularies_schema"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
