"""Site search."""

from django.template.response import TemplateResponse


def search(request):
    return TemplateResponse(request, "pages/search.html", {"query": request.GET.get("q", "")})
