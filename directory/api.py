"""`/api/v2/annuaire/`: the directory in the headless API, public fields only, same filters as the page.

Only accepted members are served; nothing about a person (referent, HR contact, e-mail,
phone) is ever part of an item.
"""

from django.shortcuts import get_object_or_404
from rest_framework import serializers
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from portal.organisations.models import Organisation

from .filters import LOGO_LIST_RENDITION, QUERY_PARAMETERS, DirectoryFilter, listed_organisations, with_list_data
from .text import safe_presentation, summary

LOGO_DETAIL_RENDITION = "max-300x300"


class DirectoryItemSerializer(serializers.Serializer):
    def to_representation(self, org):
        request = self.context["request"]
        detail = self.context.get("detail", False)
        data = {
            "id": org.pk,
            "meta": {
                "type": "directory.Organisation",
                "detail_url": request.build_absolute_uri(f"/api/v2/annuaire/{org.pk}/"),
                "html_url": request.build_absolute_uri(f"/annuaire/{org.slug}/"),
            },
            "slug": org.slug,
            "name": org.name,
            "category": {"code": org.category.code, "name": org.category.name},
            "company_type": org.company_type.name if org.company_type else None,
            "city": org.city,
            "website": org.website,
            "summary": summary(org.presentation),
            "logo": _logo(request, org.logo, LOGO_LIST_RENDITION),
        }
        if detail:
            data.update(
                {
                    "presentation": safe_presentation(org.presentation),
                    "logo_large": _logo(request, org.logo, LOGO_DETAIL_RENDITION),
                    "activities": [a.name for a in org.activities.all()],
                    "establishment_departments": [_department(d) for d in org.establishment_departments.all()],
                    "intervention_departments": [_department(d) for d in org.intervention_departments.all()],
                    "affiliation": (
                        {"slug": org.affiliation.slug, "name": org.affiliation.name}
                        if org.affiliation and org.affiliation.is_accepted
                        else None
                    ),
                }
            )
        return data


def _department(department):
    return {"code": department.code, "name": department.name}


def _logo(request, image, spec):
    if not image:
        return None
    rendition = image.get_rendition(spec)
    return {"url": request.build_absolute_uri(rendition.url), "width": rendition.width, "height": rendition.height}


class DirectoryAPIViewSet(BaseAPIViewSet):
    model = Organisation
    name = "annuaire"
    known_query_parameters = frozenset(["limit", "offset", "format", "_", *QUERY_PARAMETERS])

    def get_queryset(self):
        return listed_organisations().order_by("name", "pk")

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET.keys()) - self.known_query_parameters
        if unknown:
            raise BadRequestError(f"paramètre inconnu : {', '.join(sorted(unknown))}")

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        filterset = DirectoryFilter(request.GET, queryset=queryset)
        if not filterset.form.is_valid():
            raise BadRequestError(
                "; ".join(f"{name} : {' '.join(errors)}" for name, errors in filterset.form.errors.items())
            )
        page = self.paginate_queryset(with_list_data(filterset.filtered()))
        serializer = DirectoryItemSerializer(page, many=True, context={"request": request})
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        queryset = (
            with_list_data(self.get_queryset())
            .select_related("affiliation")
            .prefetch_related("activities", "establishment_departments", "intervention_departments")
        )
        org = get_object_or_404(queryset, pk=pk)
        return Response(DirectoryItemSerializer(org, context={"request": request, "detail": True}).data)

    def find_view(self, request):
        slug = request.GET.get("slug")
        if not slug:
            raise BadRequestError("précisez le paramètre slug")
        org = get_object_or_404(self.get_queryset(), slug=slug)
        return self.detail_view(request, org.pk)

    find_query_parameters = frozenset(["slug"])


API_ENDPOINTS = {"annuaire": DirectoryAPIViewSet}
