"""Root URLs. Wagtail serves every path that nothing before it claims."""

from allauth.account import views as account_views
from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import lockout_answers_429
from core import page_cache
from labplatform import open_data_views, views

# The Django admin logs in through allauth too (rate limits, verified e-mail, second factor).
admin.site.login = secure_admin_login(admin.site.login)

# The sign-in and sign-up forms are the same for every anonymous visitor (allauth marks them
# no-store for browsers and proxies, which they keep): page cache, each visitor's own token.
sign_in_page = page_cache.cached(despite_no_store=True)

urlpatterns = [
    path("salud/", views.health, name="health"),
    path("politica-de-datos/", views.privacy_policy, name="privacy_policy"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("datos/", open_data_views.open_data_page, name="open_data"),
    path("datos/catalogo.json", open_data_views.catalogue, name="open_data_catalogue"),
    # Wagtail's own login would skip allauth's rate limits and second factor: send people to ours.
    path("cms-admin/login/", views.cms_admin_login, name="cms_admin_login"),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documentos/", include(wagtaildocs_urls)),
    path("api/v1/", include("labplatform.api")),
    path("cuenta/login/", lockout_answers_429(sign_in_page(account_views.login)), name="account_login"),
    path("cuenta/signup/", sign_in_page(account_views.signup), name="account_signup"),
    path("cuenta/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("ideas.urls")),
    path("", include("challenges.urls")),
    path("observatorio/", include("observatory.urls")),
    path("proyectos/", include("projects.urls")),
    path("", include("reports.urls")),
    path("", include("sessions.urls")),
    path("", include("consultations.urls")),
    path("", include("agenda.urls")),
    path("", include("newsletter.urls")),
    path("", include("search.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
