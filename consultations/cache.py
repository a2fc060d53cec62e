"""What bumps the page cache in consultations (`consultations`, declared by the pages in
models.py): a comment written or hidden, an answer, the report published."""

from consultations.models import CONSULTATIONS
from core import page_cache


def connect() -> None:
    from consultations.models import CommentAnswer, ConsultationComment, ConsultationPage

    for model in (ConsultationComment, CommentAnswer, ConsultationPage):
        page_cache.watch(model, lambda instance: [CONSULTATIONS])
