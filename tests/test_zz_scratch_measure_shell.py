"""Scratch: print queries per page."""
import datetime
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import ContactSettings, FooterItem, MainMenuItem, NavigationSettings
from tests.factories import (
    AreaFactory, create_hub, create_partner_page, create_placement, create_call,
    create_project, translate_page, home_page, create_partner_index,
)
from wagtail.models import Site
from tests.test_query_counts import add_opportunities


@pytest.fixture
def site_setup(home):
    hubs = {k: create_hub(k) for k in ("", "placement", "call", "project")}
    index = create_partner_index()
    partner = create_partner_page()
    areas = [AreaFactory() for _ in range(3)]
    placement = create_placement(parent=partner, area=areas[0])
    translate_page(home)
    translate_page(hubs[""])
    site = Site.objects.get(is_default_site=True)
    nav = NavigationSettings.for_site(site)
    for i, p in enumerate([hubs[""], hubs["placement"], hubs["call"], hubs["project"], index]):
        MainMenuItem.objects.create(setting=nav, page=p, sort_order=i)
    for i, p in enumerate([hubs[""], index]):
        FooterItem.objects.create(setting=nav, page=p, sort_order=i)
    contact = ContactSettings.for_site(site)
    contact.email = "a@b.it"
    contact.save()
    add_opportunities(10, [partner], areas)
    return placement, partner


def test_measure(client, site_setup):
    placement, partner = site_setup
    for url in ["/", "/opportunities/", "/placements/", placement.url, partner.url, "/search/?q=x", "/it/opportunities/", "/me/"]:
        client.get(url)
        with CaptureQueriesContext(connection) as q:
            r = client.get(url)
        print(f"\n=== {url} {r.status_code} {len(q)} queries")
        for i, item in enumerate(q.captured_queries):
            print(f"  {i:2d} {item['sql'][:260]}")

import traceback, re
from django.db import connection as _conn

def _where(sql):
    i = sql.find(" WHERE ")
    s = sql[i:] if i >= 0 else sql[:150]
    return re.sub(r'"wagtailcore_page"\.', '', s)[:230]

def _origin():
    frames = traceback.extract_stack()[:-3]
    out = []
    for f in frames:
        fn = f.filename
        if "/work/main/" in fn and ".venv" not in fn and "test_zz" not in fn:
            out.append(f"{fn.split('/work/main/')[1]}:{f.lineno}:{f.name}")
        elif "templatetags" in fn or ("wagtail" in fn and "models" in fn and f.name in ("get_url", "get_url_parts", "_get_site_root_paths", "get_translations", "for_request", "find_for_request", "get_site_root_paths","localized","get_full_url", "get_active")):
            out.append(f"{fn.split('site-packages/')[-1]}:{f.lineno}:{f.name}")
    return " <- ".join(reversed(out[-4:]))

def test_measure2(client, site_setup):
    placement, partner = site_setup
    for url in ["/", "/opportunities/", "/placements/", placement.url, partner.url, "/search/?q=x"]:
        client.get(url)
        log = []
        def wrapper(execute, sql, params, many, context):
            log.append((sql, _origin()))
            return execute(sql, params, many, context)
        with _conn.execute_wrapper(wrapper):
            r = client.get(url)
        print(f"\n=== {url} {r.status_code} {len(log)} queries")
        for i, (sql, o) in enumerate(log):
            print(f"  {i:2d} {_where(sql)}\n       @ {o}")
