"""Demo content of the transparency section and the site's policy pages (called by seed_demo).

The tree follows Res. MinTIC 1519 de 2020, Anexo 2 (menú "Transparencia y acceso a la información
pública"). A few categories are filled in with realistic text, others are left empty, one is old
and one does not apply, so that the self-assessment shows every state. Idempotent.
"""

import datetime

from cms.models import HomePage, StandardPage, TransparencyCategoryPage, TransparencyIndexPage

INDEX_SLUG = "transparencia"

LEY_1712 = "https://www.funcionpublica.gov.co/eva/gestornormativo/norma.php?i=56882"
RES_1519 = "https://normograma.mintic.gov.co/mintic/compilacion/docs/resolucion_mintic_1519_2020.htm"
LEY_1581 = "https://www.funcionpublica.gov.co/eva/gestornormativo/norma.php?i=49981"
SECOP = "https://www.colombiacompra.gov.co/secop-ii"
DATOS_GOV = "https://www.datos.gov.co/"
SUIT = "https://www.funcionpublica.gov.co/web/suit"


def _p(text: str) -> tuple:
    return ("paragraph", f"<p>{text}</p>")


def _doc(title: str, published_on: str, url: str, description: str = "") -> tuple:
    return (
        "document",
        {
            "title": title,
            "published_on": datetime.date.fromisoformat(published_on),
            "document": None,
            "url": url,
            "description": description,
        },
    )


# (number, title, summary, body, documents, not_applicable_reason, subcategories)
Category = tuple


def cat(number, title, summary="", body=(), documents=(), not_applicable="", children=()) -> Category:
    return (number, title, summary, list(body), list(documents), not_applicable, list(children))


TREE: list[Category] = [
    cat(
        "1",
        "Información de la entidad",
        "Quiénes somos, cómo estamos organizados y cómo contactarnos.",
        children=[
            cat(
                "1.1",
                "Misión, visión, funciones y deberes",
                "La razón de ser del laboratorio y lo que le corresponde hacer.",
                body=[
                    ("heading", {"text": "Misión", "level": "h2"}),
                    _p(
                        "Abrir la administración municipal de Bucaramanga a la ciudadanía, la academia, los "
                        "gremios y la sociedad civil para co-crear soluciones de transparencia, gobierno "
                        "abierto y prevención de la corrupción."
                    ),
                    ("heading", {"text": "Visión", "level": "h2"}),
                    _p(
                        "En 2030 el laboratorio será el referente regional de innovación pública abierta, "
                        "con datos que cualquiera puede consultar y decisiones que se toman con la gente."
                    ),
                    ("heading", {"text": "Funciones y deberes", "level": "h2"}),
                    _p(
                        "Publicar retos de ciudad, facilitar debates formales, recibir y tramitar "
                        "denuncias de corrupción, y publicar los indicadores del observatorio como "
                        "datos abiertos."
                    ),
                ],
            ),
            cat(
                "1.2",
                "Estructura orgánica y organigrama",
                "El laboratorio depende de la Secretaría Administrativa de la Alcaldía.",
                body=[
                    _p(
                        "El laboratorio lo coordina un equipo de la Secretaría Administrativa, con el apoyo "
                        "de la Oficina de Control Interno de Gestión y de la Oficina de Transparencia, que "
                        "atiende el canal de denuncias."
                    )
                ],
            ),
            cat("1.3", "Mapas y cartas descriptivas de los procesos"),
            cat("1.4", "Directorio institucional"),
            cat("1.5", "Directorio de servidores públicos, empleados y contratistas"),
            cat("1.6", "Directorio de entidades"),
            cat("1.7", "Directorio de agremiaciones, asociaciones y otros grupos de interés"),
            cat("1.8", "Servicio al público, normas, formularios y protocolos de atención"),
            cat("1.9", "Procedimientos que se siguen para tomar decisiones"),
            cat(
                "1.10",
                "Mecanismo de presentación directa de solicitudes, quejas y reclamos",
                "Cómo presentar peticiones, quejas, reclamos, sugerencias y denuncias.",
                body=[
                    _p(
                        "Puede presentar su solicitud en persona, por teléfono o por correo electrónico "
                        "(vea los canales al pie de la página). Las denuncias de corrupción tienen un canal "
                        "propio, que permite hacerlas de forma anónima y seguirlas con un código."
                    )
                ],
            ),
            cat("1.11", "Calendario de actividades y eventos"),
            cat("1.12", "Información sobre decisiones que pueden afectar al público"),
            cat("1.13", "Entes y autoridades que lo vigilan"),
            cat("1.14", "Publicación de hojas de vida"),
        ],
    ),
    cat(
        "2",
        "Normativa",
        "Las normas que rigen al laboratorio y los proyectos de norma abiertos a comentarios.",
        children=[
            cat(
                "2.1",
                "Normativa de la entidad",
                "Leyes, decretos y resoluciones que aplican al laboratorio.",
                documents=[
                    _doc(
                        "Ley 1712 de 2014, de transparencia y del derecho de acceso a la información pública",
                        "2014-03-06",
                        LEY_1712,
                    ),
                    _doc(
                        "Ley 1581 de 2012, de protección de datos personales",
                        "2012-10-17",
                        LEY_1581,
                    ),
                    _doc(
                        "Resolución 1519 de 2020 del Ministerio TIC, estándares de publicación",
                        "2020-08-24",
                        RES_1519,
                        "Sus anexos fijan la accesibilidad, la seguridad digital y el menú de esta sección.",
                    ),
                ],
            ),
            cat("2.2", "Búsqueda de normas"),
            cat("2.3", "Proyectos de normas para comentarios"),
        ],
    ),
    cat(
        "3",
        "Contratación",
        "El plan de compras y la contratación del laboratorio, publicada también en el SECOP II.",
        children=[
            cat(
                "3.1",
                "Plan Anual de Adquisiciones",
                "Lo que el laboratorio prevé contratar este año.",
                documents=[
                    _doc(
                        "Plan Anual de Adquisiciones 2026 en el SECOP II",
                        "2026-01-30",
                        SECOP,
                        "Publicado por la Alcaldía de Bucaramanga antes del 31 de enero, como exige la ley.",
                    )
                ],
            ),
            cat(
                "3.2",
                "Publicación de la información contractual",
                "Los procesos de contratación se publican en el SECOP II.",
                documents=[_doc("Procesos de contratación en el SECOP II", "2026-02-15", SECOP)],
            ),
            cat("3.3", "Publicación de la ejecución de los contratos"),
            cat("3.4", "Manual de contratación, adquisición y compras"),
            cat("3.5", "Formatos o modelos de contratos o pliegos tipo"),
        ],
    ),
    cat(
        "4",
        "Planeación, presupuesto e informes",
        children=[
            cat("4.1", "Presupuesto general de ingresos, gastos e inversión"),
            cat("4.2", "Ejecución presupuestal"),
            cat(
                "4.3",
                "Plan de acción",
                "Las metas del laboratorio para el año y su avance.",
                body=[
                    _p(
                        "El plan de acción 2026 del laboratorio tiene tres líneas: participación en retos, "
                        "debates de gobierno abierto y observatorio de transparencia. El Plan Anticorrupción "
                        "y de Atención al Ciudadano y sus seguimientos se publican en el observatorio."
                    )
                ],
            ),
            cat("4.4", "Proyectos de inversión"),
            cat(
                "4.5",
                "Informes de empalme",
                "El informe de empalme entre administraciones.",
                body=[_p("El informe de empalme 2023-2024 está disponible en la Secretaría Administrativa.")],
            ),
            cat("4.6", "Información pública y relevante"),
            cat("4.7", "Informes de gestión, evaluación y auditoría"),
            cat("4.8", "Informes de la Oficina de Control Interno"),
            cat("4.9", "Informe sobre defensa pública y prevención del daño antijurídico"),
            cat(
                "4.10",
                "Informes trimestrales sobre acceso a información, quejas y reclamos",
                "Cuántas solicitudes recibimos, cuántas respondimos y en cuánto tiempo.",
            ),
        ],
    ),
    cat(
        "5",
        "Trámites",
        "Los trámites del municipio están inscritos en el Sistema Único de Información de Trámites (SUIT).",
        documents=[_doc("Trámites de la Alcaldía de Bucaramanga en el SUIT", "2026-03-02", SUIT)],
    ),
    cat(
        "6",
        "Participa",
        "Cómo participar en la planeación, el control y la evaluación de la gestión.",
        body=[
            _p(
                "En este sitio puede proponer y apoyar ideas para los retos de la ciudad, participar en las "
                "sesiones de debate en vivo, seguir los indicadores del observatorio y presentar denuncias."
            )
        ],
    ),
    cat(
        "7",
        "Datos abiertos",
        "Los datos que publica el laboratorio, en formatos abiertos.",
        children=[
            cat("7.1", "Instrumentos de gestión de la información"),
            cat(
                "7.2",
                "Sección de datos abiertos",
                "El catálogo de datos abiertos del laboratorio, también publicado en datos.gov.co.",
                body=[
                    _p(
                        'Consulte el <a href="/datos/">catálogo de datos abiertos</a>: cada conjunto se '
                        "descarga en CSV o JSON, con licencia Creative Commons Atribución 4.0."
                    )
                ],
                documents=[_doc("Portal de Datos Abiertos de Colombia", "2026-04-15", DATOS_GOV)],
            ),
        ],
    ),
    cat(
        "8",
        "Información específica para grupos de interés",
        children=[
            cat("8.1", "Información para niñas, niños y adolescentes"),
            cat("8.2", "Información para mujeres"),
        ],
    ),
    cat("9", "Obligación de reporte de información específica por parte de la entidad"),
    cat(
        "10",
        "Información tributaria en entidades territoriales locales",
        not_applicable=(
            "El laboratorio no recauda rentas ni liquida impuestos. La información tributaria del municipio "
            "(procesos de recaudo y tarifas del impuesto de industria y comercio) la publica la Secretaría "
            "de Hacienda de la Alcaldía de Bucaramanga en su propio sitio."
        ),
    ),
]

# Published long ago, so that the self-assessment shows what an outdated category looks like.
STALE = {"4.5": datetime.datetime(2024, 2, 1, 15, 0, tzinfo=datetime.UTC)}

POLICY_PAGES = [
    (
        "derechos-de-autor",
        "Derechos de autor",
        "Qué puede hacer con los contenidos y los datos de este sitio.",
        [
            _p(
                "Los textos, datos e imágenes de este sitio producidos por la Alcaldía de Bucaramanga se "
                "publican con licencia Creative Commons Atribución 4.0 Internacional (CC BY 4.0): puede "
                "copiarlos, adaptarlos y reutilizarlos citando la fuente."
            ),
            _p(
                "Las ideas y comentarios pertenecen a quienes los escriben, que al publicarlos autorizan su "
                "difusión en el laboratorio con la misma licencia. Las marcas y logotipos de las "
                "organizaciones participantes son de sus titulares."
            ),
        ],
    ),
]


def seed_transparency() -> TransparencyIndexPage:
    home = HomePage.objects.get()
    seed_policy_pages(home)
    index = TransparencyIndexPage.objects.first()
    if index is None:
        index = TransparencyIndexPage(
            title="Transparencia y acceso a la información pública",
            slug=INDEX_SLUG,
            show_in_menus=True,
            intro=(
                "La información que el laboratorio publica en cumplimiento de la Ley 1712 de 2014, "
                "ordenada según la Resolución 1519 de 2020 del Ministerio TIC."
            ),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    for category in TREE:
        _add_category(index, category)
    for number, published_at in STALE.items():
        TransparencyCategoryPage.objects.filter(number=number, last_published_at__gt=published_at).update(
            last_published_at=published_at, first_published_at=published_at
        )
    return index


def _add_category(parent, category: Category) -> None:
    number, title, summary, body, documents, not_applicable, children = category
    page = TransparencyCategoryPage.objects.child_of(parent).filter(number=number).first()
    if (
        page is not None
        and not (page.summary or page.body or page.documents)
        and (summary or body or documents)
    ):
        # Created empty by bootstrap_site and never edited: the demo fills it in.
        page.summary, page.body, page.documents = summary, body, documents
        page.not_applicable_reason = not_applicable
        page.save_revision().publish()
    if page is None:
        page = TransparencyCategoryPage(
            title=title,
            number=number,
            slug=_slug(number, title),
            summary=summary,
            body=body,
            documents=documents,
            not_applicable_reason=not_applicable,
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
    for child in children:
        _add_category(page, child)


def _slug(number: str, title: str) -> str:
    from django.utils.text import slugify

    return slugify(f"{number.replace('.', '-')} {title}")[:80].strip("-")


def seed_policy_pages(home: HomePage) -> None:
    """The policy pages the footer links to that seed_demo does not already create."""
    for slug, title, summary, body in POLICY_PAGES:
        if StandardPage.objects.filter(slug=slug).exists():
            continue
        page = StandardPage(title=title, slug=slug, summary=summary, body=body)
        home.add_child(instance=page)
        page.save_revision().publish()
