import pytest
from tests.factories import create_hub, create_partner_page, create_placement, create_project, AreaFactory
from tests.test_query_counts import add_opportunities
pytestmark = pytest.mark.django_db

def test_show(client, home):
    create_hub("placement"); create_hub("")
    partner = create_partner_page()
    other = create_partner_page()
    areas = [AreaFactory()]
    add_opportunities(30, [partner], areas)
    add_opportunities(5, [other], areas)
    r = client.get(partner.url)
    html = r.content.decode()
    import re
    print(len(html), re.findall(r'<a href="([^"]*partner=[^"]*)">([^<]*)', html))
    r = client.get(f"/placements/?partner={partner.organisation.slug}")
    h = r.content.decode()
    i = h.find("notice--info"); print(h[i-200:i+500])
    print(re.findall(r'<h2 id="results-title">[^<]*', h))
    r = client.get(f"/opportunities/?partner={partner.organisation.slug}&type=call")
    print(re.findall(r'<h2 id="results-title">[^<]*', r.content.decode()))
    r = client.get(f"/opportunities/?partner=nope")
    print(re.findall(r'<h2 id="results-title">[^<]*', r.content.decode()), "notice--info" in r.content.decode())
