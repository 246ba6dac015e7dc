"""Generated opportunities for load testing: thousands of placements, calls
and projects in English, spread over the demo's organisations and towns.

Creating Wagtail pages one by one costs dozens of queries each (tree
position, revisions, logs, search and reference indexes), which makes
10,000 pages take the best part of an hour. Here pages are written to the
tree directly, a few hundred rows per query: paths are computed as treebeard
would, each table of the page's model chain is filled in bulk, and the
caller rebuilds the search and reference indexes once at the end. The pages
are live and have no revision, like pages imported into Wagtail; the admin
edits them as usual.

Generated pages are recognisable by their slug, which ends in ``-g`` and a
sequence number (``kitchen-assistant-in-modugno-g00042``). Asking for N
makes sure N exist: running it again adds none.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

from cooperativa.opportunities.models import (
    Audience,
    CallPage,
    OpportunityPage,
    PlacementPage,
    ProjectPage,
    ProjectUpdate,
    Sector,
)
from home.vocabularies import default_language_only
from partners.models import PartnerPage

from . import organisations as demo_organisations

SLUG_PATTERN = r"-g[0-9]{5,}$"
BATCH = 1000

# (sector, role, summary, requirements); {town}, {place}, {hours} are filled in.
PLACEMENT_ROLES = [
    (
        "catering",
        "Kitchen assistant",
        "Prepare vegetables, cook and serve lunches in a {place} in {town}, {hours} hours a week, "
        "with a cook who trains you on the job.",
        "No experience needed. A food hygiene course is arranged in the first month.",
        ["staff canteen", "community café", "school kitchen", "cooperative restaurant"],
    ),
    (
        "catering",
        "Baker's assistant",
        "Mix, shape and bake bread and biscuits in a cooperative bakery in {town}, early "
        "mornings, {hours} hours a week.",
        "You can stand for several hours and start work before dawn.",
        ["bakery"],
    ),
    (
        "laundry",
        "Laundry operator",
        "Wash, iron and fold linen for hotels and care homes in {town}, in a small team. Shifts "
        "fit around your appointments.",
        "The work is physical. Safety shoes are provided.",
        ["laundry"],
    ),
    (
        "cleaning",
        "Cleaning operative",
        "Clean {place} in {town} with a cooperative team, {hours} hours a week, early mornings "
        "or evenings.",
        "Reliability and punctuality. Training on products and safety is included.",
        ["schools and libraries", "council offices", "a hospital day unit", "sports centres"],
    ),
    (
        "agriculture",
        "Market gardener",
        "Grow, harvest and pack vegetables on a cooperative farm near {town}, outdoors with a "
        "small team and lunch together.",
        "You like working outdoors in all weather.",
        ["farm"],
    ),
    (
        "agriculture",
        "Parks maintenance worker",
        "Mow, prune and plant in the parks of {town} with a cooperative team. Training on tools "
        "and safety included.",
        "You will learn to use a strimmer and a hedge trimmer safely.",
        ["parks"],
    ),
    (
        "printing",
        "Print finishing assistant",
        "Cut, fold and bind leaflets, posters and books in a cooperative print shop in {town}.",
        "Careful hands matter more than experience.",
        ["print shop"],
    ),
    (
        "recycling",
        "Reuse centre operator",
        "Receive, sort and prepare furniture and household goods for resale at a reuse centre in "
        "{town}.",
        "You can lift moderate weights and work in a team.",
        ["reuse centre"],
    ),
    (
        "crafts",
        "Carpentry apprentice",
        "Build and repair furniture in a cooperative workshop in {town}, alongside an "
        "experienced carpenter.",
        "Steady hands. Protective gear is provided.",
        ["workshop"],
    ),
    (
        "retail",
        "Warehouse operative",
        "Pick, pack and load orders in a warehouse in {town}, {hours} hours a week, with a team "
        "leader beside you.",
        "Good physical health. Shifts rotate between mornings and afternoons.",
        ["warehouse"],
    ),
    (
        "retail",
        "Shop assistant",
        "Serve customers, stock shelves and run the till in a second-hand shop in {town}.",
        "Confident with people and with small amounts of cash.",
        ["shop"],
    ),
    (
        "care",
        "Day centre assistant",
        "Help older people with meals, walks and company at a day centre in {town}, guided by a "
        "nurse.",
        "Patience and kindness. Training in first aid is included.",
        ["day centre"],
    ),
]

# (sector, commitment, audiences, title, summary, what is asked)
CALL_TEMPLATES = [
    (
        "community",
        "occasional",
        ["volunteers", "anyone"],
        "Volunteers for the {thing} in {town}",
        "Give a few hours a month to help run the {thing} in {town}. No experience needed: we "
        "pair you with someone who has done it before.",
        "<p>A few hours a month, on a day that suits you.</p>",
    ),
    (
        "community",
        "regular",
        ["volunteers"],
        "Become a mentor in {town}",
        "Meet someone coming home from prison once a week for a coffee and a chat, for six "
        "months. Training and support from our coordinator.",
        "<p>Twenty hours of training, then one meeting a week for six months.</p>",
    ),
    (
        "community",
        "one_off",
        ["organisations", "lived_experience", "volunteers"],
        "Co-design workshop in {town}: {topic}",
        "One morning to plan {topic} together with services, cooperatives and people with lived "
        "experience. Travel costs and lunch are covered.",
        "<p>Half a day of your time and your honest view.</p>",
    ),
    (
        "community",
        "regular",
        ["organisations"],
        "Host a placement in your business in {town}",
        "Shops, workshops and firms in {town}: host a paid placement with a tutor from a "
        "cooperative, and use the tax incentives of the Smuraglia Law.",
        "<p>A useful job, a contact person and a tutor's visit once a month.</p>",
    ),
    (
        "care",
        "one_off",
        ["families", "lived_experience", "anyone"],
        "Tell us what you think: {topic} in {town}",
        "A short questionnaire or a small group meeting about {topic}. Your experience helps the "
        "services in {town} plan better.",
        "<p>Fifteen minutes for the questionnaire, or two hours at the meeting.</p>",
    ),
    (
        "education",
        "regular",
        ["volunteers"],
        "Volunteer tutors for adult learners in {town}",
        "Help adults with reading, maths or Italian for two hours a week, alongside their "
        "teachers in {town}.",
        "<p>Two hours a week for the school year.</p>",
    ),
]

CALL_THINGS = [
    "neighbourhood lunch",
    "Saturday repair café",
    "community garden",
    "family waiting room",
    "lending library",
    "football afternoons",
]
TOPICS = [
    "housing after release",
    "a job desk",
    "support for families",
    "community work placements",
    "the first day out",
]

# (sector, title, summary, goals)
PROJECT_TEMPLATES = [
    (
        "agriculture",
        "Community garden in {town}",
        "A garden where people on probation, volunteers and neighbours grow vegetables together "
        "and share the harvest.",
        "<ul><li>A garden open to the whole neighbourhood.</li>"
        "<li>Community work places with a skill at the end.</li></ul>",
    ),
    (
        "recycling",
        "Repair café in {town}",
        "Every Saturday, bring something broken and fix it with volunteers and people on "
        "community work.",
        "<ul><li>Repair a thousand objects a year.</li><li>A meeting point for the "
        "neighbourhood.</li></ul>",
    ),
    (
        "community",
        "Job desk for people leaving custody in {town}",
        "One place in {town} for work, training and documents, from the day of release, "
        "designed with the people who use it.",
        "<ul><li>Employers who know whom to call.</li><li>A peer worker on the team.</li></ul>",
    ),
    (
        "care",
        "Family support group in {town}",
        "A monthly group for partners, parents and children of people in prison, with a play "
        "corner and a counsellor.",
        "<ul><li>No family facing a sentence alone.</li><li>Clear information on visits and "
        "support.</li></ul>",
    ),
    (
        "culture",
        "Reading group inside and outside, {town}",
        "The same book read inside prison and in the town library, with a meeting of both groups "
        "at the end.",
        "<ul><li>Six books a year.</li><li>A shared reading at the library.</li></ul>",
    ),
    (
        "culture",
        "Football for all in {town}",
        "A football team where people on probation, volunteers and local players train and play "
        "together every week.",
        "<ul><li>A team in the amateur league.</li><li>Coaching qualifications for "
        "players.</li></ul>",
    ),
]

DURATIONS = ["3 months", "4 months", "6 months", "6 months, renewable", "8 months", "12 months"]
PLACEMENT_AUDIENCES = [
    ["work_release", "probation"],
    ["probation", "after_release"],
    ["after_release", "anyone"],
    ["work_release", "probation", "after_release"],
    ["lived_experience", "after_release"],
]


def generated_pages():
    return OpportunityPage.objects.filter(slug__regex=SLUG_PATTERN)


def _closing(rng, today):
    roll = rng.random()
    if roll < 0.15:
        return None
    if roll < 0.25:
        return today - datetime.timedelta(days=rng.randint(1, 60))
    if roll < 0.35:
        return today + datetime.timedelta(days=rng.randint(0, 7))
    return today + datetime.timedelta(days=rng.randint(8, 120))


def _placement(rng, seq, town, today):
    sector, role, summary, requirements, places = rng.choice(PLACEMENT_ROLES)
    hours = rng.choice([15, 20, 20, 25, 30, 30, 36])
    paid = rng.random() < 0.85
    title = f"{role} in {town}"
    page = PlacementPage(
        title=title,
        summary=summary.format(town=town, place=rng.choice(places), hours=hours),
        commitment="job" if hours >= 20 else "regular",
        sector_id=sector,  # the code; generate() swaps in the row
        paid=paid,
        hours_per_week=hours,
        duration=rng.choice(DURATIONS),
        stipend=f"€{rng.choice(range(400, 1001, 50))} a month" if paid else "",
        places=rng.randint(1, 4),
        starts_on=today + datetime.timedelta(days=rng.randint(7, 90)),
        location=town,
        requirements=requirements,
        support_mentor=rng.random() < 0.7,
        support_training=rng.random() < 0.8,
        support_transport=rng.random() < 0.3,
        support_meals=sector == "catering" or rng.random() < 0.2,
        how_to_apply="<p>Ask your probation officer or the prison's education team to contact "
        "us, or write to us yourself.</p>",
    )
    return page, rng.choice(PLACEMENT_AUDIENCES)


def _call(rng, seq, town, today):
    sector, commitment, audiences, title, summary, asked = rng.choice(CALL_TEMPLATES)
    values = {"town": town, "thing": rng.choice(CALL_THINGS), "topic": rng.choice(TOPICS)}
    page = CallPage(
        title=title.format(**values),
        summary=summary.format(**values),
        commitment=commitment,
        sector_id=sector,  # the code; generate() swaps in the row
        what_is_asked=asked,
        how_to_respond="<p>Respond here and we will get back to you within a week.</p>",
    )
    if commitment == "one_off":
        starts = timezone.make_aware(
            datetime.datetime.combine(
                today + datetime.timedelta(days=rng.randint(3, 60)),
                datetime.time(rng.choice([9, 10, 17, 18])),
            )
        )
        page.event_starts_at = starts
        page.event_ends_at = starts + datetime.timedelta(hours=2)
        page.event_place = f"Town library, {town}"
    return page, audiences


def _project(rng, seq, town, today):
    sector, title, summary, goals = rng.choice(PROJECT_TEMPLATES)
    stage = rng.choice(list(ProjectPage.Stage.values))
    page = ProjectPage(
        title=title.format(town=town),
        summary=summary.format(town=town),
        commitment=rng.choice(["occasional", "regular"]),
        sector_id=sector,  # the code; generate() swaps in the row
        stage=stage,
        starts_on=today + datetime.timedelta(days=rng.randint(-400, 90)),
        place=town,
        goals=goals,
        outcomes="<p>Twelve people took part in the first three months.</p>"
        if stage in ("running", "completed")
        else "",
    )
    return page, ["volunteers", "anyone"]


def _next_paths(parent):
    """A generator of free tree paths under ``parent``, in order."""
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    position = Page._str2int(last[-Page.steplen :]) if last else 0
    while True:
        position += 1
        yield Page._get_path(parent.path, parent.depth + 1, position)


def _insert(model, pages):
    """Insert ``pages`` (all of class ``model``) table by table, as Django's
    multi-table save does one object at a time. bulk_create refuses
    multi-table models, so this uses the insert it is built on."""
    chain = [*reversed(model._meta.get_parent_list()), model]
    for table_model in chain:
        queryset = table_model._base_manager.all()
        queryset._for_write = True
        if table_model is Page:
            fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
            rows = queryset._batched_insert(pages, fields, batch_size=None)
            for page, row in zip(pages, rows, strict=True):
                page.id = row[0]
        else:
            link = table_model._meta.pk
            for page in pages:
                setattr(page, link.attname, page.id)
            queryset._batched_insert(
                pages, list(table_model._meta.local_concrete_fields), batch_size=None
            )
    for page in pages:
        page._state.adding = False


def _set_m2m(model_field, pairs):
    through = model_field.remote_field.through
    source = model_field.m2m_field_name()
    target = model_field.m2m_reverse_field_name()
    through.objects.bulk_create(
        [through(**{f"{source}_id": left, f"{target}_id": right}) for left, right in pairs],
        batch_size=BATCH,
    )


def generate(wanted, log=None):
    """Make sure ``wanted`` generated opportunities exist; returns how many
    were added."""
    log = log or (lambda message: None)
    existing = list(generated_pages().values_list("slug", flat=True))
    missing = wanted - len(existing)
    if missing <= 0:
        return 0
    last_seq = max((int(slug.rsplit("-g", 1)[1]) for slug in existing), default=0)

    locale = Locale.get_default()
    # Only the demo's own organisations host generated pages: a real
    # partner's page must never fill up with invented opportunities.
    demo_slugs = [data["slug"] for data in demo_organisations.ORGANISATIONS]
    hosts = list(
        PartnerPage.objects.filter(locale=locale, live=True, organisation__slug__in=demo_slugs)
        .select_related("organisation")
        .prefetch_related("organisation__areas")
    )
    if not hosts:
        raise ValueError("Load the demo content before generating opportunities.")
    host_areas = {host.pk: list(host.organisation.areas.all()) for host in hosts}
    all_areas = [area for areas in host_areas.values() for area in areas]
    audiences = dict(Audience.objects.filter(default_language_only()).values_list("code", "pk"))
    sectors = dict(Sector.objects.filter(default_language_only()).values_list("code", "pk"))
    organisations = [host.organisation for host in hosts]
    content_types = {
        model: ContentType.objects.get_for_model(model).pk
        for model in (PlacementPage, CallPage, ProjectPage)
    }
    paths = {host.pk: _next_paths(host) for host in hosts}
    today = timezone.localdate()
    now = timezone.now()

    with transaction.atomic():
        for start in range(0, missing, BATCH):
            batch = {PlacementPage: [], CallPage: [], ProjectPage: []}
            audience_pairs, partner_pairs, updates = [], [], []
            for seq in range(last_seq + start + 1, last_seq + min(start + BATCH, missing) + 1):
                rng = random.Random(seq)  # noqa: S311 - reproducible content, not security
                host = hosts[seq % len(hosts)]
                area = rng.choice(host_areas[host.pk] or all_areas)
                roll = rng.random()
                make = _placement if roll < 0.6 else _call if roll < 0.9 else _project
                page, codes = make(rng, seq, area.name, today)
                page.slug = f"{slugify(page.title)[:60]}-g{seq:05d}"
                published = now - datetime.timedelta(
                    days=rng.randint(1, 365), minutes=rng.randint(0, 1440)
                )
                fields = dict(
                    sector_id=sectors[page.sector_id],
                    draft_title=page.title,
                    area_id=area.pk,
                    closes_on=_closing(rng, today),
                    locale_id=locale.pk,
                    content_type_id=content_types[type(page)],
                    path=next(paths[host.pk]),
                    depth=host.depth + 1,
                    numchild=0,
                    url_path=f"{host.url_path}{page.slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    translation_key=uuid.uuid4(),
                    body=[],
                )
                for name, value in fields.items():
                    setattr(page, name, value)
                batch[type(page)].append((page, codes))
            for model, items in batch.items():
                if not items:
                    continue
                pages = [page for page, _codes in items]
                _insert(model, pages)
                for page, codes in items:
                    audience_pairs.extend((page.id, audiences[c]) for c in codes if c in audiences)
                    if model is ProjectPage:
                        rng = random.Random(page.id)  # noqa: S311
                        partners = rng.sample(organisations, k=min(2, len(organisations)))
                        partner_pairs.extend((page.id, org.pk) for org in partners)
                        updates.append(
                            ProjectUpdate(
                                page_id=page.id,
                                sort_order=0,
                                date=today - datetime.timedelta(days=rng.randint(1, 90)),
                                title="Work has started",
                                text="The partners met for the first time and agreed who does what.",
                            )
                        )
            _set_m2m(OpportunityPage._meta.get_field("audiences"), audience_pairs)
            _set_m2m(ProjectPage._meta.get_field("partner_organisations"), partner_pairs)
            ProjectUpdate.objects.bulk_create(updates, batch_size=BATCH)
            log(f"  generated {min(start + BATCH, missing)} of {missing}")

        # Keep treebeard's child counts right for the hosts.
        for host in hosts:
            Page.objects.filter(pk=host.pk).update(numchild=host.get_children().count())
    return missing
