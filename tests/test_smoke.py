import pytest

from tests.factories import create_call, create_placement, create_project


@pytest.mark.django_db
def test_home_page_renders(client):
    response = client.get("/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_each_opportunity_type_renders(client):
    for page in (create_placement(), create_call(), create_project()):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
