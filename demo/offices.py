"""The demo's offices (dependencias): one row per name, whichever seed names it first."""

from django.utils.text import slugify

from accounts.models import Office


def demo_office(name: str, slug: str = "", acronym: str = "") -> Office:
    """The office of that name (or slug), created on first use; an acronym fills in a blank one."""
    office = Office.objects.filter(name=name).first() or (
        Office.objects.filter(slug=slug).first() if slug else None
    )
    if office is None:
        office = Office.objects.create(name=name, slug=slug or slugify(name)[:160], acronym=acronym)
    elif acronym and not office.acronym:
        office.acronym = acronym
        office.save(update_fields=["acronym"])
    return office
