"""Pages of the debate sessions: the list, the live room (readable without JavaScript), the
calendar file, following a session, and the minutes with their review by a moderator."""

import datetime
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core import page_cache
from core.markdown import render_markdown
from core.urls import absolute, site_url
from sessions import selectors, services
from sessions.cache import SESSIONS, session_namespace
from sessions.models import DebateSession, Minutes, MinutesStatus, SessionStatus


@page_cache.cached(SESSIONS)
def session_list(request):
    return render(request, "debates/session_list.html", {"groups": selectors.sessions_by_state(request.user)})


def _visible_session(request, pk: int) -> DebateSession:
    session = get_object_or_404(DebateSession.objects.select_related("challenge"), pk=pk)
    if not request.user.has_perm("debates.view_debatesession", session):
        raise PermissionDenied(_("Esta sesión es solo para las organizaciones invitadas."))
    return session


@page_cache.cached(SESSIONS, "session:{pk}")
def room(request, pk: int):
    session = _visible_session(request, pk)
    snapshot = selectors.room_snapshot(session, request.user)
    minutes = Minutes.objects.filter(session=session).only("status").first()
    return render(
        request,
        "debates/room.html",
        {
            "session": session,
            "snapshot": snapshot,
            "role": snapshot["role"],
            "minutes": minutes,
            "banner": selectors.room_banner(snapshot),
            "floor_left": selectors.floor_seconds_left(snapshot),
            "opens_early": session.status == SessionStatus.SCHEDULED and timezone.now() < session.starts_at,
            # Personal: only signed-in pages show it, and the page cache never stores those.
            "following": services.is_following_session(request.user, session),
        },
    )


def _back(request, session: DebateSession):
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(session.get_absolute_url())


@login_required
@require_POST
def follow(request, pk: int):
    session = get_object_or_404(DebateSession.objects.select_related("challenge"), pk=pk)
    try:
        _follow, created = services.session_follow(user=request.user, session=session)
    except services.Refused as refusal:
        if refusal.code == "not_invited":
            raise PermissionDenied(refusal.message) from refusal
        messages.error(request, refusal.message)
    else:
        if created:
            messages.success(
                request,
                _(
                    "Ahora sigue la sesión «%(title)s». Le avisaremos si cambia de fecha, "
                    "cuando empiece y cuando se publique el acta."
                )
                % {"title": session.title},
            )
        else:
            messages.info(request, _("Usted ya sigue la sesión «%(title)s».") % {"title": session.title})
    return _back(request, session)


@login_required
@require_POST
def unfollow(request, pk: int):
    session = get_object_or_404(DebateSession, pk=pk)
    if services.session_unfollow(user=request.user, session=session):
        messages.success(request, _("Dejó de seguir la sesión «%(title)s».") % {"title": session.title})
    else:
        messages.info(request, _("Usted no seguía la sesión «%(title)s».") % {"title": session.title})
    return _back(request, session)


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_time(value) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


@page_cache.cached(SESSIONS, "session:{pk}")
def session_ics(request, pk: int):
    session = _visible_session(request, pk)
    url = absolute(session.get_absolute_url())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Laboratorio de Innovación Pública de Bucaramanga//Sesiones de debate//ES",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:sesion-{session.pk}@{urlsplit(site_url()).hostname}",
        f"DTSTAMP:{_ics_time(timezone.now())}",
        f"DTSTART:{_ics_time(session.starts_at)}",
        f"DTEND:{_ics_time(session.ends_at)}",
        f"SUMMARY:{_ics_text(session.title)}",
        f"DESCRIPTION:{_ics_text(session.description + chr(10) + chr(10) + url)}",
        f"URL:{url}",
        f"LOCATION:{_ics_text(url)}",
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    response = HttpResponse(
        "\r\n".join(_fold(line) for line in lines) + "\r\n", content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="sesion-{session.pk}.ics"'
    return response


def _fold(line: str) -> str:
    """RFC 5545: lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


@require_http_methods(["GET", "POST"])
def minutes(request, pk: int):
    page_cache.shows(request, SESSIONS, session_namespace(pk))
    session = _visible_session(request, pk)
    record = Minutes.objects.filter(session=session).first()
    is_moderator = request.user.has_perm("debates.moderate_debatesession", session)
    if record is None or (record.status != MinutesStatus.PUBLISHED and not is_moderator):
        raise Http404(_("El acta de esta sesión aún no está publicada."))
    error = ""
    if request.method == "POST":
        if not is_moderator:
            raise PermissionDenied
        try:
            services.minutes_publish(minutes=record, by=request.user, body=request.POST.get("body", ""))
        except services.Refused as refusal:
            error = refusal.message
        else:
            messages.success(request, _("El acta quedó publicada."))
            return redirect("debates:minutes", pk=session.pk)
    return render(
        request,
        "debates/minutes.html",
        {
            "session": session,
            "minutes": record,
            "body_html": render_markdown(record.body),
            "is_moderator": is_moderator,
            "error": error,
            "body": request.POST.get("body", record.body) if request.method == "POST" else record.body,
        },
    )


@page_cache.cached(SESSIONS, "session:{pk}")
def minutes_download(request, pk: int):
    session = _visible_session(request, pk)
    record = get_object_or_404(Minutes, session=session, status=MinutesStatus.PUBLISHED)
    response = HttpResponse(record.body, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="acta-sesion-{session.pk}.md"'
    return response
