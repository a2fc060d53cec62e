"""Reads of the transparency section: its category tree and the self-assessment (autodiagnóstico)."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.timesince import timesince

from cms.transparency import TransparencyCategoryPage, TransparencyIndexPage

# A category not updated for longer than this is flagged in the self-assessment.
STALE_AFTER = datetime.timedelta(days=365)


class Status:
    CURRENT = "current"
    STALE = "stale"
    EMPTY = "empty"
    NOT_APPLICABLE = "not_applicable"
    GROUP = "group"  # a category whose information lives in its subcategories


@dataclass
class CategoryNode:
    page: TransparencyCategoryPage
    children: list["CategoryNode"] = field(default_factory=list)


@dataclass(frozen=True)
class ChecklistRow:
    page: TransparencyCategoryPage
    level: int  # 1 for a category, 2 for a subcategory, ...
    status: str
    updated_at: datetime.datetime | None
    age: str  # "3 meses": how long ago it was last published
    document_count: int
    latest_document_on: datetime.date | None
    subcategories: int = 0
    subcategories_with_content: int = 0


@dataclass(frozen=True)
class Checklist:
    rows: list[ChecklistRow]
    total: int
    current: int
    stale: int
    empty: int
    not_applicable: int

    @property
    def rated(self) -> int:
        """Rows that count in the assessment: the groups are summed up by their subcategories."""
        return self.current + self.stale + self.empty

    @property
    def with_content(self) -> int:
        return self.current + self.stale

    @property
    def percent_with_content(self) -> int:
        return round(100 * self.with_content / self.rated) if self.rated else 0


def _categories(index: TransparencyIndexPage):
    """The published categories under the index, in tree order, in one query (plus one for the
    view restrictions that `public()` reads)."""
    return list(TransparencyCategoryPage.objects.live().public().descendant_of(index).order_by("path"))


def _nest(pages, root_depth: int) -> list[CategoryNode]:
    roots: list[CategoryNode] = []
    stack: list[CategoryNode] = []
    for page in pages:
        node = CategoryNode(page)
        level = page.depth - root_depth
        del stack[level - 1 :]
        if stack:
            stack[-1].children.append(node)
        elif level == 1:
            roots.append(node)
        else:
            continue  # under an unpublished category: not reachable, so not listed
        stack.append(node)
    return roots


def transparency_tree(index: TransparencyIndexPage) -> list[CategoryNode]:
    """The categories with their subcategories, for the section's front page."""
    return _nest(_categories(index), index.depth)


def transparency_subcategories(category: TransparencyCategoryPage) -> list[CategoryNode]:
    """A category's published subcategories (and theirs), in one query."""
    pages = TransparencyCategoryPage.objects.live().public().descendant_of(category).order_by("path")
    return _nest(list(pages), category.depth)


def transparency_breadcrumbs(category: TransparencyCategoryPage) -> list:
    """The way back to the section's front page: the index and the categories above this one."""
    ancestors = list(category.get_ancestors().live())
    for position, page in enumerate(ancestors):
        if page.specific_class is TransparencyIndexPage:
            return ancestors[position:]
    return []


def _document_dates(page: TransparencyCategoryPage) -> list[datetime.date]:
    """The publication dates of the page's documents, read from the stored JSON so that the
    documents themselves are never loaded (no query per page)."""
    dates = []
    for item in page.documents.raw_data:
        value = (item or {}).get("value") or {}
        try:
            dates.append(datetime.date.fromisoformat(value.get("published_on") or ""))
        except ValueError:
            continue
    return dates


def _status(page: TransparencyCategoryPage, now: datetime.datetime, has_children: bool) -> str:
    if page.not_applicable_reason.strip():
        return Status.NOT_APPLICABLE
    if not page.has_content:
        return Status.GROUP if has_children else Status.EMPTY
    if page.last_published_at is None or now - page.last_published_at > STALE_AFTER:
        return Status.STALE
    return Status.CURRENT


def transparency_checklist(index: TransparencyIndexPage, now: datetime.datetime | None = None) -> Checklist:
    """What is published in each category and how recently: the lab's self-assessment against
    the transparency index (ITA). Two queries however many pages there are."""
    now = now or timezone.now()
    rows = []
    for node, level in _flatten(_nest(_categories(index), index.depth)):
        page = node.page
        dates = _document_dates(page)
        descendants = list(_flatten(node.children))
        rows.append(
            ChecklistRow(
                page=page,
                level=level,
                status=_status(page, now, bool(node.children)),
                updated_at=page.last_published_at,
                age=timesince(page.last_published_at, now, depth=1) if page.last_published_at else "",
                document_count=len(dates),
                latest_document_on=max(dates) if dates else None,
                subcategories=len(descendants),
                subcategories_with_content=sum(1 for child, _ in descendants if child.page.has_content),
            )
        )
    statuses = [row.status for row in rows]
    return Checklist(
        rows=rows,
        total=len(rows) - statuses.count(Status.GROUP),
        current=statuses.count(Status.CURRENT),
        stale=statuses.count(Status.STALE),
        empty=statuses.count(Status.EMPTY),
        not_applicable=statuses.count(Status.NOT_APPLICABLE),
    )


def _flatten(nodes: list[CategoryNode], level: int = 1):
    for node in nodes:
        yield node, level
        yield from _flatten(node.children, level + 1)
