"""The menu "Transparencia y acceso a la información pública" of Res. MinTIC 1519 de 2020,
Anexo 2: every category a public entity's site must show, by number. bootstrap_site creates the
missing ones (empty, for editors to fill in); editors' pages are never changed."""

# (number, title, subcategories)
ANEXO_2 = [
    (
        "1",
        "Información de la entidad",
        [
            ("1.1", "Misión, visión, funciones y deberes", []),
            ("1.2", "Estructura orgánica y organigrama", []),
            ("1.3", "Mapas y cartas descriptivas de los procesos", []),
            ("1.4", "Directorio institucional", []),
            ("1.5", "Directorio de servidores públicos, empleados y contratistas", []),
            ("1.6", "Directorio de entidades", []),
            ("1.7", "Directorio de agremiaciones, asociaciones y otros grupos de interés", []),
            ("1.8", "Servicio al público, normas, formularios y protocolos de atención", []),
            ("1.9", "Procedimientos que se siguen para tomar decisiones", []),
            ("1.10", "Mecanismo de presentación directa de solicitudes, quejas y reclamos", []),
            ("1.11", "Calendario de actividades y eventos", []),
            ("1.12", "Información sobre decisiones que pueden afectar al público", []),
            ("1.13", "Entes y autoridades que lo vigilan", []),
            ("1.14", "Publicación de hojas de vida", []),
        ],
    ),
    (
        "2",
        "Normativa",
        [
            ("2.1", "Normativa de la entidad", []),
            ("2.2", "Búsqueda de normas", []),
            ("2.3", "Proyectos de normas para comentarios", []),
        ],
    ),
    (
        "3",
        "Contratación",
        [
            ("3.1", "Plan Anual de Adquisiciones", []),
            ("3.2", "Publicación de la información contractual", []),
            ("3.3", "Publicación de la ejecución de los contratos", []),
            ("3.4", "Manual de contratación, adquisición y compras", []),
            ("3.5", "Formatos o modelos de contratos o pliegos tipo", []),
        ],
    ),
    (
        "4",
        "Planeación, presupuesto e informes",
        [
            ("4.1", "Presupuesto general de ingresos, gastos e inversión", []),
            ("4.2", "Ejecución presupuestal", []),
            ("4.3", "Plan de acción", []),
            ("4.4", "Proyectos de inversión", []),
            ("4.5", "Informes de empalme", []),
            ("4.6", "Información pública y relevante", []),
            ("4.7", "Informes de gestión, evaluación y auditoría", []),
            ("4.8", "Informes de la Oficina de Control Interno", []),
            ("4.9", "Informe sobre defensa pública y prevención del daño antijurídico", []),
            ("4.10", "Informes trimestrales sobre acceso a información, quejas y reclamos", []),
        ],
    ),
    ("5", "Trámites", []),
    ("6", "Participa", []),
    (
        "7",
        "Datos abiertos",
        [
            ("7.1", "Instrumentos de gestión de la información", []),
            ("7.2", "Sección de datos abiertos", []),
        ],
    ),
    (
        "8",
        "Información específica para grupos de interés",
        [
            ("8.1", "Información para niñas, niños y adolescentes", []),
            ("8.2", "Información para mujeres", []),
        ],
    ),
    ("9", "Obligación de reporte de información específica por parte de la entidad", []),
    ("10", "Información tributaria en entidades territoriales locales", []),
]


def category_slug(number: str, title: str) -> str:
    from django.utils.text import slugify

    return slugify(f"{number.replace('.', '-')} {title}")[:80].strip("-")
