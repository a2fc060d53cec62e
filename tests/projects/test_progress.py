"""Progress is the weighted share of done milestones, read from the database every time."""

import pytest

from projects.selectors import progress_of, progress_percent, public_projects
from tests.projects.factories import ProjectFactory, milestone

pytestmark = pytest.mark.django_db


def test_progress_weighs_each_milestone():
    project = ProjectFactory()
    milestone(project, "Diseño", 1, done=True)
    milestone(project, "Obra", 6)
    milestone(project, "Entrega", 3, done=True)
    assert progress_of(project) == 40  # (1 + 3) / 10


def test_progress_follows_a_milestone_done_without_anything_stored():
    project = ProjectFactory()
    first = milestone(project, "Diseño", 1)
    milestone(project, "Obra", 3)
    assert progress_of(project) == 0
    first.done_on = first.due_on
    first.save()
    assert progress_of(project) == 25


def test_a_project_without_milestones_is_at_zero_and_all_done_is_one_hundred():
    empty = ProjectFactory()
    full = ProjectFactory()
    milestone(full, "Único", 5, done=True)
    by_pk = {
        project.pk: progress_percent(project.done_weight, project.total_weight)
        for project in public_projects()
    }
    assert by_pk == {empty.pk: 0, full.pk: 100}


def test_progress_rounds_to_the_nearest_whole_percent():
    assert progress_percent(1, 3) == 33
    assert progress_percent(2, 3) == 67
    assert progress_percent(1, 8) == 13  # 12.5 rounds half up
