"""The minutes (acta) of a session, written in Markdown from what the database recorded."""

from __future__ import annotations

from django.db.models import Count
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from sessions.models import (
    Attendance,
    DebateSession,
    FloorTurn,
    Message,
    MessageStatus,
    Poll,
    SessionEvent,
)

ACTION_NAMES = {
    "session.opened": gettext_noop("Abrió la sesión"),
    "session.paused": gettext_noop("Pausó la sesión"),
    "session.closed": gettext_noop("Cerró la sesión"),
    "message.approved": gettext_noop("Aprobó un mensaje"),
    "message.hidden": gettext_noop("Ocultó un mensaje"),
    "floor.given": gettext_noop("Dio la palabra"),
    "floor.extended": gettext_noop("Extendió un turno"),
    "floor.ended": gettext_noop("Terminó un turno"),
    "queue.reordered": gettext_noop("Reordenó la lista de intervenciones"),
    "queue.removed": gettext_noop("Retiró una solicitud de la lista"),
    "participant.muted": gettext_noop("Silenció a un participante"),
    "poll.opened": gettext_noop("Abrió una encuesta"),
    "poll.closed": gettext_noop("Cerró una encuesta"),
    "announcement.pinned": gettext_noop("Fijó un anuncio"),
}


def attendance_figures(session: DebateSession) -> tuple[int, int]:
    """(peak of simultaneous people, distinct people) from the connections recorded."""
    rows = list(
        Attendance.objects.filter(session=session).values_list("user_id", "connected_at", "disconnected_at")
    )
    distinct = len({user_id for user_id, _start, _end in rows})
    marks = []
    for user_id, start, end in rows:
        marks.append((start, 1, user_id))
        if end:
            marks.append((end, -1, user_id))
    marks.sort(key=lambda mark: (mark[0], mark[1]))
    present: dict[int, int] = {}
    peak = 0
    for _when, delta, user_id in marks:
        present[user_id] = present.get(user_id, 0) + delta
        if present[user_id] <= 0:
            present.pop(user_id)
        peak = max(peak, len(present))
    return peak, distinct


def _when(value) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def _duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60} min {seconds % 60:02d} s"


def minutes_text(session: DebateSession) -> str:
    # The page gives the title as its h1; sections are h3 (what participants' Markdown allows too).
    lines = [f"**{_('Acta')}: {session.title}**", ""]
    lines.append(f"- **{_('Fecha')}:** {_when(session.starts_at)}")
    if session.challenge_id:
        lines.append(f"- **{_('Reto')}:** {session.challenge.title}")
    moderators = ", ".join(user.public_name for user in session.moderators.all()) or _(
        "Equipo del laboratorio"
    )
    lines.append(f"- **{_('Moderación')}:** {moderators}")
    peak, distinct = attendance_figures(session)
    lines.append(
        f"- **{_('Asistencia')}:** {_('máximo simultáneo')} {peak}; {_('personas distintas')} {distinct}"
    )
    lines += ["", f"### {_('Intervenciones en el uso de la palabra')}", ""]
    turns = list(
        FloorTurn.objects.filter(session=session).select_related("user").order_by("started_at", "pk")
    )
    if not turns:
        lines.append(_("Nadie tomó la palabra."))
    for number, turn in enumerate(turns, start=1):
        end = turn.ended_at or turn.ends_at
        lines.append(
            f"{number}. {turn.user.public_name}: {_duration((end - turn.started_at).total_seconds())}"
        )
    lines += ["", f"### {_('Mensajes publicados')}", ""]
    messages = list(
        Message.objects.filter(session=session, status=MessageStatus.APPROVED)
        .select_related("author")
        .order_by("created_at", "pk")
    )
    if not messages:
        lines.append(_("No hubo mensajes publicados."))
    for message in messages:
        kind = _("Pregunta") if message.kind == "question" else _("Intervención")
        text = " ".join(message.body.split())
        lines.append(
            f"- **{message.author.public_name}** ({kind}, {message.upvote_count} {_('apoyos')}): {text}"
        )
    lines += ["", f"### {_('Encuestas')}", ""]
    polls = list(Poll.objects.filter(session=session).prefetch_related("options").order_by("opened_at", "pk"))
    if not polls:
        lines.append(_("No hubo encuestas."))
    for poll in polls:
        options = list(poll.options.all())
        total = sum(option.vote_count for option in options)
        lines.append(f"#### {poll.question}")
        lines.append("")
        for option in options:
            share = f"{100 * option.vote_count / total:.0f} %" if total else "0 %"
            lines.append(f"- {option.label}: {option.vote_count} ({share})")
        lines.append("")
    lines += [f"### {_('Acciones de moderación')}", ""]
    actions = (
        SessionEvent.objects.filter(session=session, by_moderator=True)
        .select_related("actor")
        .order_by("seq")
    )
    counted = dict(
        SessionEvent.objects.filter(session=session, by_moderator=True)
        .values_list("type")
        .annotate(n=Count("pk"))
        .values_list("type", "n")
    )
    for event in actions:
        actor = event.actor.public_name if event.actor else _("Moderación")
        lines.append(f"- {_when(event.created_at)}: {actor}: {_(ACTION_NAMES.get(event.type, event.type))}")
    if not counted:
        lines.append(_("No hubo acciones de moderación."))
    return "\n".join(lines).strip() + "\n"
