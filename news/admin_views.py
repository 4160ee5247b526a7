"""Extranet "Informations": every news item, including the extranet-only ones, for extranet users."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .enums import NEWS_PER_PAGE
from .models import NewsCategory, NewsPage
from .perms import may_read_internal


class _InformationsMixin(WagtailAdminTemplateMixin):
    header_icon = "info-circle"

    def dispatch(self, request, *args, **kwargs):
        # The admin URLs already require extranet access; checked again here on purpose.
        if not may_read_internal(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class InformationsIndexView(_InformationsMixin, TemplateView):
    template_name = "news/admin/informations_index.html"
    page_title = "Informations"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        news = NewsPage.objects.visible_to(self.request.user).select_related("category").defer_streamfields()
        categories = list(NewsCategory.objects.filter(is_active=True))
        category = next((c for c in categories if c.slug == self.request.GET.get("categorie")), None)
        if category:
            news = news.filter(category=category)
        internal_only = self.request.GET.get("internes") == "1"
        if internal_only:
            news = news.filter(extranet_only=True)
        page_obj = Paginator(news.order_by("-date", "-first_published_at"), NEWS_PER_PAGE).get_page(
            self.request.GET.get("p")
        )
        context.update(categories=categories, category=category, internal_only=internal_only, page_obj=page_obj)
        return context


class InformationsDetailView(_InformationsMixin, TemplateView):
    template_name = "news/admin/informations_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = get_object_or_404(
            NewsPage.objects.visible_to(self.request.user).select_related("category", "image"), pk=kwargs["pk"]
        )
        context.update(item=item, attachments=item.attachments.select_related("document"))
        return context

    def get_page_title(self):
        return "Informations"
