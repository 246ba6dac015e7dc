"""Generated opportunities for ``load_demo --scale N`` and ``make bench``:
thousands of placements, calls and projects in English, spread over the
demo's organisations and towns, on top of the demo content.

Pages are live and without a revision, like pages imported into Wagtail.
Adding them one by one through Wagtail's page API (``add_child``) costs a
dozen queries and the signals of each save per page, over two minutes for
10,000; they are written instead a table at a time in bulk, with what the
page API would leave: the tree, url paths, a "Created" history entry, one
page cache purge; ``load`` then indexes them for search and references in
one bulk pass.

Generated pages are recognisable by their slug, which ends in ``-g`` and a
sequence number (``kitchen-assistant-in-modugno-g00042``). Asking for N
makes sure N exist: running it again adds none.

``manage.py load_demo --scale N`` and tests/bench/run.py call ``load(N)``;
tests call ``generate(N)``.
"""

import datetime
import random
import sys
import time

from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backend
from tqdm import tqdm
from wagtail.models import Page, PageLogEntry, ReferenceIndex

from cooperativa.core import page_cache
from cooperativa.core.vocabularies import default_language_only
from cooperativa.opportunities.models import (
    Audience,
    CallPage,
    OpportunityPage,
    PlacementPage,
    ProjectPage,
    ProjectUpdate,
    Sector,
)
from home.demo.loader import demo_organisation_slugs
from partners.models import PartnerPage

SLUG_PATTERN = r"-g[0-9]{5,}$"
PAGES_PER_INSERT = 1000

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


def generated_pages():
    return OpportunityPage.objects.filter(slug__regex=SLUG_PATTERN)


def _new_page(seq, host, areas, today, now):
    """The ``seq``-th generated page (unsaved) for ``host``: the same for a
    given number on every run."""
    rng = random.Random(seq)  # noqa: S311 - reproducible content, not security
    area = rng.choice(areas)
    roll = rng.random()
    make = _placement if roll < 0.6 else _call if roll < 0.9 else _project
    page, codes = make(rng, seq, area.name, today)
    page.slug = f"{slugify(page.title)[:60]}-g{seq:05d}"
    page.area = area
    page.locale = host.locale
    page.closes_on = _closing(rng, today)
    page.live = True
    page.first_published_at = page.last_published_at = now - datetime.timedelta(
        days=rng.randint(1, 365), minutes=rng.randint(0, 1440)
    )
    return page, codes, rng


def generate(wanted, progress=None):
    """Make sure ``wanted`` generated opportunities exist, in addition to the
    demo content; returns the pages added. The caller updates the search and
    reference indexes (``load`` does)."""
    existing = list(generated_pages().values_list("slug", flat=True))
    missing = wanted - len(existing)
    if missing <= 0:
        return []
    last_seq = max((int(slug.rsplit("-g", 1)[1]) for slug in existing), default=0)

    # Only the demo's own organisations host generated pages: a real
    # partner's page must never fill up with invented opportunities.
    hosts = list(
        PartnerPage.objects.live()
        .filter(locale__language_code="en", organisation__slug__in=demo_organisation_slugs())
        .select_related("organisation", "locale")
        .prefetch_related("organisation__areas")
    )
    if not hosts:
        raise ValueError("Load the demo content (manage.py load_demo) before generating.")
    host_areas = {host.pk: list(host.organisation.areas.all()) for host in hosts}
    all_areas = [area for areas in host_areas.values() for area in areas]
    audiences = {
        audience.code: audience for audience in Audience.objects.filter(default_language_only())
    }
    sectors = dict(Sector.objects.filter(default_language_only()).values_list("code", "pk"))
    organisations = [host.organisation for host in hosts]
    today, now = timezone.localdate(), timezone.now()

    def placed_page(seq, tree):
        host = hosts[seq % len(hosts)]
        page, codes, rng = _new_page(seq, host, host_areas[host.pk] or all_areas, today, now)
        page.sector_id = sectors[page.sector_id]
        # A new page has no comments, questions or stage changes: saying so
        # in memory (modelcluster) spares the reference index a query per
        # relation and page later.
        for relation in get_all_child_relations(page):
            getattr(page, relation.get_accessor_name()).set([])
        # What is set here stays on the page in memory until
        # _insert_relations writes it, so the reference index reads it from
        # the page too.
        page.audiences.set([audiences[code] for code in codes if code in audiences])
        if isinstance(page, ProjectPage):
            page.partner_organisations.set(rng.sample(organisations, k=min(2, len(hosts))))
            page.updates = [
                ProjectUpdate(
                    date=today - datetime.timedelta(days=rng.randint(1, 90)),
                    title="Work has started",
                    text="The partners met for the first time and agreed who does what.",
                )
            ]
        tree.place(page, host)
        return page

    added = []
    sequence = range(last_seq + 1, last_seq + missing + 1)
    with transaction.atomic():
        tree = _TreeTail(hosts)
        # A thousand at a time, so that the progress bar follows the pages
        # into the database.
        for start in range(0, len(sequence), PAGES_PER_INSERT):
            pages = [placed_page(seq, tree) for seq in sequence[start : start + PAGES_PER_INSERT]]
            _insert_pages(pages, now)
            added += pages
            if progress is not None:
                progress.update(len(pages))
        tree.count_children()
        # Nothing was saved one by one, so no signal told the page cache:
        # one new content version shows all the new pages at once.
        page_cache.bump(f"{len(added)} generated opportunities added")
    return added


class _TreeTail:
    """Where each host's next child goes in Wagtail's page tree, as
    treebeard's ``add_child`` works it out for one page at a time
    (``MP_AddChildHandler``): the first child's path from the host's with
    ``_get_path``, each next one from the last with ``_inc_path``. Both are
    treebeard internals (django-treebeard 5.x); test_load_demo checks the
    tree with ``Page.find_problems()`` after generating."""

    def __init__(self, hosts):
        self.hosts = {host.pk: host for host in hosts}
        # The host rows are locked like add_child locks its parent, so that
        # no page is added under them meanwhile.
        list(Page.objects.select_for_update().filter(pk__in=self.hosts))
        self.last = {host.pk: host.get_last_child() for host in hosts}
        self.added = dict.fromkeys(self.hosts, 0)

    def place(self, page, host):
        previous = self.last[host.pk]
        page.depth = host.depth + 1
        page.path = previous._inc_path() if previous else Page._get_path(host.path, page.depth, 1)
        page.numchild = 0
        page.set_url_path(host)
        # What Page.full_clean would fill in; the content is ours and valid
        # (test_load_demo validates a sample), so it is not validated again.
        page.draft_title = page.title
        self.last[host.pk] = page
        self.added[host.pk] += 1

    def count_children(self):
        for pk, count in self.added.items():
            if count:
                Page.objects.filter(pk=pk).update(numchild=F("numchild") + count)
                self.hosts[pk].numchild += count


def _insert_pages(pages, now):
    """Write ``pages`` (new, placed in the tree) and what they hold, a table
    at a time in bulk: the rows ``Page.save()`` would write for each, without
    its dozen queries and signals per page. Of the receivers of those
    signals, the search and reference indexes are updated by ``load``, the
    page cache is purged by ``generate``, and codesign's grant of a project
    to its accepted partners has none to grant on a new project.

    A specific page is a row in each table of its chain of models (Page,
    OpportunityPage, PlacementPage), and Django's ``bulk_create`` refuses
    such multi-table models. So the Page rows go through ``bulk_create``
    (which sets the new ids on PostgreSQL and SQLite), and the rows of each
    table below through ``QuerySet._insert``, the Django internal that
    ``Model.save()`` inserts each of those rows with (Django 5.x);
    test_load_demo reads every kind of generated page back whole."""
    Page.objects.bulk_create(pages)
    levels = []  # the models below Page in the pages' chains, parents first
    for model in dict.fromkeys(type(page) for page in pages):
        for level in [*reversed(model._meta.get_parent_list()), model]:
            if level is not Page and level not in levels:
                levels.append(level)
    for level in levels:
        rows = [page for page in pages if isinstance(page, level)]
        for page in rows:
            # Every table's row has the id of the Page row, as its link to
            # the table above.
            for parent_link in level._meta.parents.values():
                setattr(page, parent_link.attname, page.id)
        _insert_in_batches(level, rows, level._meta.local_concrete_fields)

    _insert_relations(pages)
    # The "Created" entry of each page's history in the admin, as Page.save()
    # logs it for a new page.
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            page=page,
            content_type=page.content_type,
            label=page.get_admin_display_title(),
            action="wagtail.create",
            timestamp=now,
            content_changed=True,
        )
        for page in pages
    )


def _insert_in_batches(model, rows, fields):
    connection = connections[model._base_manager.db]
    size = max(connection.ops.bulk_batch_size(fields, rows), 1)
    for start in range(0, len(rows), size):
        model._base_manager._insert(rows[start : start + size], fields=fields)


def _insert_relations(pages):
    """The pages' audiences, and the projects' partner organisations and
    updates, which modelcluster held on each unsaved page until now: a bulk
    insert per table."""
    audience_link = OpportunityPage.audiences.through
    partner_link = ProjectPage.partner_organisations.through
    audiences, partners, updates = [], [], []
    for page in pages:
        audiences += [
            audience_link(opportunitypage=page, audience=audience)
            for audience in page.audiences.all()
        ]
        if isinstance(page, ProjectPage):
            partners += [
                partner_link(projectpage=page, organisation=organisation)
                for organisation in page.partner_organisations.all()
            ]
            for update in page.updates.all():
                update.page = page
                updates.append(update)
    audience_link.objects.bulk_create(audiences)
    partner_link.objects.bulk_create(partners)
    ProjectUpdate.objects.bulk_create(updates)


def index_references(pages):
    """Record what ``pages`` (new, never indexed) refer to in Wagtail's
    reference index, in a few bulk inserts: what ``rebuild_references_index``
    would find for them, without reading and rewriting every other object's
    entries one by one."""
    rows = []
    for page in pages:
        content_types = [
            ContentType.objects.get_for_model(model, for_concrete_model=False)
            for model in [page, *page._meta.get_parent_list()]
        ]
        for to_type, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        ):
            rows.append(
                ReferenceIndex(
                    content_type=content_types[0],
                    base_content_type=content_types[-1],
                    object_id=page.pk,
                    to_content_type_id=to_type,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    ReferenceIndex.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    return len(rows)


def index_for_search(pages):
    """Add ``pages`` to the search index, a model at a time in bulk."""
    backend = get_search_backend()
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, objects in by_model.items():
        backend.add_bulk(model, objects)


def load(wanted):
    """Generate up to ``wanted`` opportunities with a progress bar at a
    terminal, then index the new pages for search and references in one
    bulk pass; prints how long each part took. Returns how many were added."""
    started = time.monotonic()
    with tqdm(total=wanted, desc="Generated", unit="page", disable=not sys.stderr.isatty()) as bar:
        bar.update(min(generated_pages().count(), wanted))
        added = generate(wanted, progress=bar)
    print(
        f"Generated opportunities: {len(added)} added ({wanted} wanted) in "
        f"{time.monotonic() - started:.1f} s.",
        flush=True,
    )
    if added:
        step = time.monotonic()
        index_for_search(added)
        print(f"  search index: {time.monotonic() - step:.1f} s.", flush=True)
        step = time.monotonic()
        with transaction.atomic():
            references = index_references(added)
        print(
            f"  reference index: {references} references in {time.monotonic() - step:.1f} s.",
            flush=True,
        )
    return len(added)
