"""The participation loop in a real browser: propose an idea, support it, report and hide a comment.

Issue 4's "done means": a citizen proposes an idea, another supports it, a moderator hides a
comment; axe-core finds nothing serious on the challenge, idea and proposal pages. Everyone logs
in through the login form, as people do. The data is made before the browser starts (the
fixtures are requested before `page`); what the browser did is then read back from the database.
"""

import re

import pytest
from playwright.sync_api import expect

from challenges.models import ChallengePage
from core.markdown import render_markdown
from ideas.models import Comment, Evaluation, Flag, Idea, Support
from tests.accounts.factories import PASSWORD, OrganizationFactory, UserFactory
from tests.browser.conftest import DESKTOP, PHONE
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIGN_IN = re.compile(r"^\s*(Ingresar|Iniciar sesión)\s*$")
SIMILAR_TITLE = "Tablero abierto de contratos por comuna"
NEW_TITLE = "Tablero de contratos con alertas ciudadanas"
# Django's label suffix: "Título:".
TITLE = re.compile(r"^Título:?$")
DESCRIPTION = re.compile(r"^Descripción:?$")
NEW_BODY = "Un aviso por correo cuando un contrato de mi **comuna** cambia de valor o de plazo."


def log_in(page, user, then: str) -> None:
    """Through /cuenta/login/ (its fields are `login` and `password`), straight on to `then`."""
    page.goto(f"/cuenta/login/?next={then}")
    form = page.get_by_role("main")
    form.locator("input[name='login']").fill(user.email)
    form.locator("input[name='password']").fill(PASSWORD)
    form.get_by_role("button", name=SIGN_IN).click()
    expect(page).to_have_url(re.compile(re.escape(then) + "$"))
    expect(page.get_by_role("navigation", name="Su cuenta", exact=True)).to_contain_text(user.public_name)


def log_out(page) -> None:
    page.get_by_role("navigation", name="Su cuenta", exact=True).get_by_role(
        "button", name="Cerrar sesión"
    ).click()
    expect(
        page.get_by_role("navigation", name="Su cuenta", exact=True).get_by_role("link", name="Ingresar")
    ).to_be_visible()


def add_comment(idea: Idea, author, body: str, parent: Comment | None = None) -> Comment:
    comment = Comment.objects.create(
        idea=idea, parent=parent, author=author, body=body, body_html=render_markdown(body)
    )
    Idea.objects.filter(pk=idea.pk).update(comment_count=idea.comments.count())
    return comment


def add_supports(idea: Idea, users) -> None:
    for user in users:
        Support.objects.create(idea=idea, user=user, participant_type=user.participant_type)
    Idea.objects.filter(pk=idea.pk).update(support_count=idea.supports.count())


@pytest.fixture
def check_both_widths(page, assert_accessible):
    """axe-core at desktop and phone widths: both layouts must be clean."""

    def check(where: str) -> None:
        for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            assert_accessible(f"{where} ({label}, {size['width']} px)")
        page.set_viewport_size(DESKTOP)

    return check


def assert_no_horizontal_scroll(page, where: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > 320:
        too_wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(element => element.getBoundingClientRect().right > 320)
                .slice(0, 10)
                .map(element => element.outerHTML.slice(0, 120))"""
        )
        pytest.fail(f"{where} is {scroll_width} px wide in a 320 px window; too wide: {too_wide}")
    page.set_viewport_size(DESKTOP)


# Data ----------------------------------------------------------------------------------------


@pytest.fixture
def ideas_challenge(transactional_db) -> ChallengePage:
    """Open for ideas, co-led by a university, with one idea whose title the new one resembles."""
    university = OrganizationFactory(name="Universidad Industrial de Santander", kind="university")
    challenge = make_challenge(
        "ideas",
        title="Contratación pública a la vista",
        co_leads=[university],
        criteria=[("Impacto", 3), ("Viabilidad", 2)],
        support_limit=3,
    )
    IdeaFactory(challenge=challenge, title=SIMILAR_TITLE)
    IdeaFactory(challenge=challenge, title="Rendición de cuentas en las juntas de acción comunal")
    return challenge


@pytest.fixture
def citizen(transactional_db):
    return UserFactory(display_name="Marta Lucía Ardila")


@pytest.fixture
def moderator(transactional_db):
    return UserFactory(display_name="Equipo de Moderación", groups=["moderators"])


@pytest.fixture
def voting_idea(transactional_db) -> Idea:
    challenge = make_challenge("voting", title="Movilidad segura para ir al colegio")
    return IdeaFactory(challenge=challenge, title="Caminos escolares señalizados")


@pytest.fixture
def commented_idea(transactional_db) -> Idea:
    """An idea in the ideas phase with a thread: two comments and a reply."""
    challenge = make_challenge("ideas", title="Parques de barrio para todas las edades")
    idea = IdeaFactory(
        challenge=challenge,
        title="Gimnasios al aire libre en los parques de la comuna 13",
        body="Máquinas sencillas, **sombra** y bebederos; mantenimiento con la junta de acción comunal.\n\n"
        "- Horarios para personas mayores\n- Señalización accesible",
    )
    first = add_comment(
        idea,
        UserFactory(display_name="Jorge Eliécer Pabón"),
        "Compren la mercancía en www.oferta-increible.example, ¡con 90 % de descuento!",
    )
    add_comment(idea, UserFactory(display_name="Ana Beatriz Quintero"), "Buena idea: faltan bancas.", first)
    add_comment(
        idea,
        UserFactory(display_name="Luz Dary Sepúlveda"),
        "Que incluyan rampas: "
        "https://www.bucaramanga.gov.co/una-direccion-muy-larga-sin-espacios-que-no-debe-desbordar-la-pantalla",
    )
    return idea


@pytest.fixture
def results_challenge(transactional_db) -> ChallengePage:
    """Past its results date: the ranking table, with supports by type and evaluations."""
    challenge = make_challenge(
        "results", title="Datos abiertos de seguridad ciudadana", criteria=[("Impacto", 3), ("Costo", 1)]
    )
    criteria = list(challenge.criteria.all())
    evaluator = UserFactory(display_name="Evaluadora")
    people = [
        UserFactory(participant_type=kind)
        for kind in ("citizen", "citizen", "university", "guild", "company", "civil_society")
    ]
    for n, title in enumerate(
        [
            "Mapa de hurtos por barrio, actualizado cada semana",
            "Tablero de denuncias con seguimiento",
            "Alumbrado público priorizado con datos",
        ]
    ):
        idea = IdeaFactory(challenge=challenge, title=title)
        add_supports(idea, people[n:])
        for criterion in criteria:
            Evaluation.objects.create(idea=idea, criterion=criterion, evaluator=evaluator, score=5 - n)
    return challenge


# The participation loop --------------------------------------------------------------------


def test_citizen_proposes_an_idea(ideas_challenge, citizen, page, check_both_widths, screenshot):
    challenge_url = ideas_challenge.url
    log_in(page, citizen, then=challenge_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(ideas_challenge.title)
    check_both_widths(f"the challenge page in the ideas phase, {challenge_url}")
    screenshot("challenge-ideas")

    page.get_by_role("link", name="Proponer una idea").click()
    expect(page.get_by_role("heading", level=1, name="Proponer una idea")).to_be_visible()
    check_both_widths("the proposal page")
    screenshot("propose")

    # Sent empty: refused, and each error is tied to its field.
    page.get_by_role("button", name="Publicar idea").click()
    expect(page.get_by_role("alert")).to_contain_text("Revise el formulario")
    for label in (TITLE, DESCRIPTION):
        field = page.get_by_label(label)
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile("obligatorio"))
    page.get_by_role("alert").get_by_role("link", name=re.compile("^Descripción")).click()
    expect(page.get_by_label(DESCRIPTION)).to_be_focused()
    check_both_widths("the proposal page with errors")
    screenshot("propose-errors")

    page.get_by_label(TITLE).fill(NEW_TITLE)
    page.get_by_label(DESCRIPTION).fill(NEW_BODY)
    page.get_by_role("button", name="Publicar idea").click()

    # A similar idea exists: it is shown first, and publishing takes a second, explicit click.
    similar = page.get_by_role("region", name="Ideas parecidas que ya están en este reto")
    expect(similar.get_by_role("link", name=SIMILAR_TITLE)).to_be_visible()
    expect(page.get_by_label(TITLE)).to_have_value(NEW_TITLE)
    check_both_widths("the proposal page showing similar ideas")
    screenshot("propose-similar")
    page.get_by_role("button", name="Mi idea es distinta: publicarla").click()

    idea = Idea.objects.get(title=NEW_TITLE)
    expect(page).to_have_url(re.compile(rf"/ideas/{idea.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)
    expect(page.get_by_role("status")).to_contain_text("Su idea quedó publicada")
    expect(page.locator(".user-content strong")).to_have_text("comuna")
    assert idea.author == citizen
    assert idea.challenge_id == ideas_challenge.pk
    check_both_widths(f"the new idea's page, /ideas/{idea.pk}/")
    screenshot("idea-new")


def test_another_citizen_supports_an_idea_and_withdraws(voting_idea, citizen, page, check_both_widths):
    log_in(page, citizen, then=voting_idea.get_absolute_url())
    supports = page.get_by_role("region", name="Apoyos")
    expect(supports.locator(".support-count")).to_have_text("0 apoyos")

    supports.get_by_role("button", name="Apoyar esta idea").click()
    # Without a reload: the count changes in place and the news is announced politely.
    announced = page.locator("[data-announcer]")
    expect(supports.locator(".support-count")).to_contain_text("1 apoyo")
    expect(supports).to_contain_text("Usted la apoya")
    expect(announced).to_contain_text("Usted apoya esta idea.")
    assert Support.objects.filter(idea=voting_idea, user=citizen).exists()
    check_both_widths("an idea page, supported, in the voting phase")

    supports.get_by_role("button", name="Retirar mi apoyo").click()
    expect(announced).to_contain_text("Retiró su apoyo a esta idea.")
    expect(supports.locator(".support-count")).to_have_text("0 apoyos")
    expect(supports.get_by_role("button", name="Apoyar esta idea")).to_be_visible()
    assert not Support.objects.filter(idea=voting_idea, user=citizen).exists()


def test_moderator_hides_a_reported_comment(
    commented_idea, citizen, moderator, page, check_both_widths, screenshot
):
    idea_url = commented_idea.get_absolute_url()
    spam = commented_idea.comments.get(author__display_name="Jorge Eliécer Pabón")

    log_in(page, citizen, then=idea_url)
    comment = page.get_by_role("article", name="Jorge Eliécer Pabón")
    comment.get_by_role("link", name="Reportar el comentario de Jorge Eliécer Pabón").click()
    expect(page.get_by_role("heading", level=1, name="Reportar un comentario")).to_be_visible()
    expect(page.locator("blockquote")).to_contain_text("oferta-increible")
    # Sent without a reason: refused, said so, and the form keeps working.
    page.get_by_role("button", name="Enviar reporte").click()
    expect(page.get_by_role("alert")).to_contain_text("Elija el motivo del reporte.")
    page.get_by_role("alert").get_by_role("link", name=re.compile("Elija el motivo")).click()
    expect(page.get_by_role("radio", name="Publicidad o spam")).to_be_focused()
    check_both_widths("the report form with errors")
    screenshot("flag-comment-errors")
    page.get_by_role("radio", name="Publicidad o spam").check()
    page.get_by_label("Detalle").fill("Es publicidad de una tienda.")
    page.get_by_role("button", name="Enviar reporte").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(idea_url)}(#comentario-{spam.pk})?$"))
    expect(page.get_by_role("status")).to_contain_text("Su reporte llegó al equipo de moderación")
    assert Flag.objects.filter(comment=spam, reporter=citizen, resolved_at__isnull=True).exists()

    log_out(page)
    log_in(page, moderator, then="/moderacion/")
    queue = page.get_by_role("table")
    expect(queue).to_contain_text("oferta-increible")
    expect(queue).to_contain_text("Publicidad o spam")
    check_both_widths("the moderation queue, /moderacion/")
    screenshot("moderation-queue")
    assert_no_horizontal_scroll(page, "/moderacion/")
    queue.get_by_label("Motivo público").fill("Publicidad comercial, fuera de las reglas de participación.")
    queue.get_by_role("button", name="Ocultar — comentario de Jorge Eliécer Pabón").click()
    expect(page.get_by_role("status")).to_contain_text("Contenido ocultado.")
    expect(page.get_by_role("main")).to_contain_text("No hay reportes abiertos.")

    page.goto(idea_url)
    hidden = page.get_by_role("article", name="Jorge Eliécer Pabón")
    expect(hidden).to_contain_text("Comentario ocultado por moderación.")
    expect(hidden).to_contain_text("Publicidad comercial, fuera de las reglas de participación.")
    expect(hidden).not_to_contain_text("oferta-increible")
    expect(page.get_by_role("main")).not_to_contain_text("oferta-increible")
    # The reply to the hidden comment stays.
    expect(page.get_by_role("article", name="Ana Beatriz Quintero")).to_contain_text("faltan bancas")
    spam.refresh_from_db()
    assert spam.hidden and spam.body.startswith("Compren")
    check_both_widths(f"an idea page with a hidden comment, {idea_url}")
    screenshot("idea-hidden-comment")


# Accessibility of the rest -----------------------------------------------------------------


def test_challenge_list_and_results_are_accessible(
    ideas_challenge, results_challenge, page, visit, check_both_widths, screenshot
):
    visit(ideas_challenge.get_parent().url)
    cards = page.get_by_role("main").get_by_role("heading", level=2)
    expect(cards).to_have_count(2)
    check_both_widths("the challenge list")
    screenshot("challenge-list")

    visit(results_challenge.url)
    table = page.get_by_role("table", name="Clasificación final de las ideas")
    # The table scrolls in a region of its own, reachable by keyboard, named apart from the section.
    expect(page.get_by_role("region", name="Clasificación final de las ideas")).to_have_attribute(
        "tabindex", "0"
    )
    expect(table.get_by_role("row")).to_have_count(4)
    expect(table.get_by_role("row").nth(1)).to_contain_text("Mapa de hurtos por barrio")
    check_both_widths(f"the challenge page with results, {results_challenge.url}")
    # On phones each row is drawn as a card: it must still be a table to assistive technology.
    page.set_viewport_size(PHONE)
    expect(table.get_by_role("row")).to_have_count(4)
    expect(table.get_by_role("columnheader")).to_have_count(7)
    expect(
        table.get_by_role("cell", name="Mapa de hurtos por barrio, actualizado cada semana")
    ).to_be_visible()
    page.set_viewport_size(DESKTOP)
    screenshot("challenge-results")
    assert_no_horizontal_scroll(page, results_challenge.url)

    visit(ideas_challenge.url)
    assert_no_horizontal_scroll(page, ideas_challenge.url)


def test_idea_page_with_comments_is_accessible(commented_idea, citizen, page, check_both_widths, screenshot):
    idea_url = commented_idea.get_absolute_url()
    log_in(page, citizen, then=idea_url)
    expect(page.get_by_role("heading", level=2, name="3 comentarios")).to_be_visible()
    expect(page.get_by_label("Su comentario")).to_be_visible()
    check_both_widths(f"an idea page with comments, {idea_url}")
    screenshot("idea-comments")
    assert_no_horizontal_scroll(page, idea_url)

    # The reply form opens under the comment it answers.
    first = page.get_by_role("article", name="Jorge Eliécer Pabón")
    first.get_by_role("link", name="Responder a Jorge Eliécer Pabón").click()
    expect(page.get_by_label("Su respuesta a Jorge Eliécer Pabón")).to_be_visible()
    check_both_widths(f"an idea page with the reply form open, {idea_url}")
    assert_no_horizontal_scroll(page, f"{idea_url} with the reply form")

    # The reply is sent without reloading the page: a refusal is said by the field, then the reply
    # takes its place in the thread and receives the focus.
    page.evaluate("window.notReloaded = true")
    reply_form = page.locator("form#responder-" + str(first_comment_pk(commented_idea)))
    reply_form.get_by_role("button", name="Responder").click()
    field = page.get_by_label("Su respuesta a Jorge Eliécer Pabón")
    expect(reply_form.locator(".comment-error")).to_have_text(
        "Escriba su comentario (máximo 3000 caracteres)."
    )
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")
    field.fill("Las bancas van en la segunda fase.")
    reply_form.get_by_role("button", name="Responder").click()
    new = page.get_by_role("article", name=citizen.public_name).filter(
        has_text="Las bancas van en la segunda fase."
    )
    expect(new).to_be_focused()
    expect(page.get_by_role("heading", level=2, name="4 comentarios")).to_be_visible()
    expect(page.locator("[data-announcer]")).to_have_text("Su comentario quedó publicado.")
    assert page.evaluate("window.notReloaded") is True
    assert Comment.objects.filter(body="Las bancas van en la segunda fase.", author=citizen).exists()


def first_comment_pk(idea: Idea) -> int:
    return idea.comments.get(author__display_name="Jorge Eliécer Pabón").pk
