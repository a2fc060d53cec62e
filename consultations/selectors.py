"""Reads on consultations: the list, a page's sections with their comment counts (the heat
strip), its comments, and the global report of observations. Each in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from consultations.models import (
    ConsultationComment,
    ConsultationPage,
    ConsultationSection,
    ConsultationStatus,
    Stance,
)

HEAT_LEVELS = 5


def public_consultations() -> QuerySet[ConsultationPage]:
    return ConsultationPage.objects.live().public().select_related("office")


def consultation_cards(*, parent=None) -> list[ConsultationPage]:
    """Open first, then upcoming, then closed and answered; newest first within each."""
    pages = public_consultations().annotate(
        comment_count=Count("sections__comments", filter=Q(sections__comments__hidden=False))
    )
    if parent is not None:
        pages = pages.child_of(parent)
    now = timezone.now()
    rank = {
        ConsultationStatus.OPEN: 0,
        ConsultationStatus.UPCOMING: 1,
        ConsultationStatus.CLOSED: 2,
        ConsultationStatus.ANSWERED: 3,
    }
    cards = list(pages.order_by("-opens_at", "-pk"))
    return sorted(cards, key=lambda page: rank[page.status_at(now)])


def sections_with_counts(page: ConsultationPage) -> list[ConsultationSection]:
    """The sections in order, each with `comment_count` (visible comments), a count per stance
    and `heat` (0–5, relative to the most commented section) for the heat strip."""
    visible = Q(comments__hidden=False)
    sections = list(
        ConsultationSection.objects.filter(page=page)
        .annotate(
            comment_count=Count("comments", filter=visible),
            for_count=Count("comments", filter=visible & Q(comments__stance=Stance.FOR)),
            against_count=Count("comments", filter=visible & Q(comments__stance=Stance.AGAINST)),
            neutral_count=Count("comments", filter=visible & Q(comments__stance=Stance.NEUTRAL)),
        )
        .order_by("sort_order", "pk")
    )
    busiest = max((section.comment_count for section in sections), default=0)
    for section in sections:
        count = section.comment_count
        section.heat = max(1, round(HEAT_LEVELS * count / busiest)) if count else 0
    return sections


def page_comments(page: ConsultationPage, *, stance: str | None = None) -> QuerySet[ConsultationComment]:
    comments = (
        ConsultationComment.objects.filter(section__page=page)
        .select_related("author", "organization", "answer", "answer__office")
        .order_by("created_at", "pk")
    )
    if stance in Stance.values:
        comments = comments.filter(stance=stance)
    return comments


def section_comments(section: ConsultationSection) -> QuerySet[ConsultationComment]:
    return (
        ConsultationComment.objects.filter(section=section)
        .select_related("author", "organization", "answer", "answer__office")
        .order_by("created_at", "pk")
    )


@dataclass
class ReportSection:
    section: ConsultationSection
    comments: list[ConsultationComment] = field(default_factory=list)


def report_sections(page: ConsultationPage) -> list[ReportSection]:
    """The global report: every section with every comment and its answer (two queries)."""
    sections = (
        ConsultationSection.objects.filter(page=page)
        .order_by("sort_order", "pk")
        .prefetch_related(
            Prefetch(
                "comments",
                queryset=ConsultationComment.objects.select_related(
                    "author", "organization", "answer", "answer__office"
                ).order_by("created_at", "pk"),
            )
        )
    )
    return [ReportSection(section=section, comments=list(section.comments.all())) for section in sections]


def report_totals(rows: list[ReportSection]) -> dict[str, int]:
    totals = {"comments": 0, "answered": 0, "accepted": 0, "partly": 0, "not_accepted": 0, "hidden": 0}
    for row in rows:
        for comment in row.comments:
            if comment.hidden:
                totals["hidden"] += 1
                continue
            totals["comments"] += 1
            answer = getattr(comment, "answer", None)
            if answer is not None:
                totals["answered"] += 1
                totals[answer.decision] += 1
    return totals
