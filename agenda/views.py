"""Pages of the agenda: the list, the month, an event with its registration, calendars, the
attendance list for the organisers."""

import csv
import datetime

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agenda import selectors, services
from agenda.cache import AGENDA
from agenda.calendar import agenda_ics, event_ics
from agenda.models import Event, EventKind, RegistrationStatus
from core import page_cache
from core.refusals import Refused

MONTHS_AROUND = 24


def event_list(request):
    page_cache.shows(request, AGENDA, until=selectors.next_event_end)
    kind = request.GET.get("tipo", "")
    events = selectors.public_events().filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")
    if kind in EventKind.values:
        events = events.filter(kind=kind)
    else:
        kind = ""
    today = timezone.localdate()
    return render(
        request,
        "agenda/event_list.html",
        {
            "events": list(events[:100]),
            "kinds": EventKind.choices,
            "kind": kind,
            "this_month": today,
        },
    )


def month(request, year: int, month: int):
    page_cache.shows(request, AGENDA, until=page_cache.next_local_midnight())
    today = timezone.localdate()
    if not 1 <= month <= 12 or abs((year - today.year) * 12 + month - today.month) > MONTHS_AROUND * 5:
        raise Http404
    first = datetime.date(year, month, 1)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    events = selectors.events_in_month(year, month)
    return render(
        request,
        "agenda/month.html",
        {
            "first": first,
            "weeks": selectors.month_grid(year, month, events),
            "events": events,
            "previous": previous,
            "following": following,
            "today": today,
        },
    )


def this_month(request):
    today = timezone.localdate()
    return redirect("agenda:month", year=today.year, month=today.month)


def _event(pk: int) -> Event:
    return get_object_or_404(selectors.public_events(), pk=pk)


@page_cache.cached(AGENDA)
def detail(request, pk: int):
    event = _event(pk)
    registration = selectors.registration_of(request.user, event)
    position = None
    if registration is not None and registration.status == RegistrationStatus.WAITLISTED:
        position = selectors.waiting_position(registration)
    refusal = None
    if registration is None and event.takes_registration:
        try:
            services.check_can_register(request.user, event)
        except Refused as refused:
            refusal = refused
    return render(
        request,
        "agenda/event_detail.html",
        {
            "event": event,
            "registration": registration,
            "position": position,
            "refusal": refusal,
            "can_view_attendance": request.user.has_perm("agenda.view_attendance", event),
        },
    )


@require_POST
def register(request, pk: int):
    event = _event(pk)
    try:
        registration, _created = services.registration_create(user=request.user, event=event)
    except Refused as refused:
        if refused.status == 401:
            return redirect_to_login(event.get_absolute_url())
        messages.error(request, refused.message)
        return redirect(event)
    if registration.status == RegistrationStatus.REGISTERED:
        messages.success(
            request, _("Su inscripción quedó confirmada. Le enviamos un correo con los detalles.")
        )
    else:
        messages.info(
            request,
            _("El evento está lleno: quedó en la lista de espera. Le avisaremos si se libera un cupo."),
        )
    return redirect(event)


@require_POST
def cancel(request, pk: int):
    event = _event(pk)
    if not request.user.is_authenticated:
        return redirect_to_login(event.get_absolute_url())
    if services.registration_cancel(user=request.user, event=event) is not None:
        messages.success(request, _("Cancelamos su inscripción. Gracias por liberar el cupo."))
    return redirect(event)


@page_cache.cached(AGENDA)
def event_calendar(request, pk: int):
    event = _event(pk)
    response = HttpResponse(event_ics(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="evento-{event.pk}.ics"'
    return response


def full_calendar(request):
    since = timezone.now() - datetime.timedelta(days=90)
    page_cache.shows(request, AGENDA, until=lambda: _ninety_days_after(selectors.next_event_end(since=since)))
    events = selectors.public_events().filter(ends_at__gte=since).order_by("starts_at", "pk")[:500]
    response = HttpResponse(
        agenda_ics(events, _("Agenda del Laboratorio de Innovación")),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response


def _ninety_days_after(moment: datetime.datetime | None) -> datetime.datetime | None:
    return moment and moment + datetime.timedelta(days=90)


def attendance_csv(request, pk: int):
    event = get_object_or_404(Event.objects.select_related("office", "organization"), pk=pk)
    if not request.user.has_perm("agenda.view_attendance", event):
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="asistencia-evento-{event.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow([_("nombre"), _("correo"), _("inscripción"), _("firma")])
    for registration in selectors.attendance(event):
        user = registration.user
        writer.writerow(
            [
                user.public_name,
                "" if user.deleted_at else user.email,
                timezone.localtime(registration.promoted_at or registration.created_at).strftime(
                    "%Y-%m-%d %H:%M"
                ),
                "",
            ]
        )
    return response
