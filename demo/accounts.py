"""The demo accounts that `seed_demo` creates and `make run` prints."""

from dataclasses import dataclass

DEMO_PASSWORD = "lab-demo-2026"  # noqa: S105  (demo content only, printed on purpose)


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    display_name: str
    participant_type: str = "citizen"
    groups: tuple[str, ...] = ()
    is_staff: bool = False
    is_superuser: bool = False
    organization: str | None = None  # slug of the organisation the account is an approved member of
    organization_admin: bool = False


DEMO_ACCOUNTS = [
    DemoAccount(
        "administración",
        "admin@laboratorio.example",
        "Administración del laboratorio",
        "public_entity",
        is_staff=True,
        is_superuser=True,
    ),
    DemoAccount(
        "editora (CMS)", "editora@laboratorio.example", "Laura Editora", "public_entity", groups=("editors",)
    ),
    DemoAccount(
        "moderador",
        "moderador@laboratorio.example",
        "Andrés Moderador",
        "public_entity",
        groups=("moderators",),
    ),
    DemoAccount(
        "gestora de denuncias",
        "denuncias@laboratorio.example",
        "Oficina de Transparencia",
        "public_entity",
        groups=("report_handlers",),
    ),
    DemoAccount(
        "supervisora de denuncias",
        "supervision@laboratorio.example",
        "Supervisión de Transparencia",
        "public_entity",
        groups=("supervisors",),
    ),
    DemoAccount(
        "miembro de universidad (UIS)",
        "investigadora@laboratorio.example",
        "Marcela Rueda",
        "university",
        organization="universidad-industrial-de-santander",
        organization_admin=True,
    ),
    DemoAccount(
        "miembro de gremio (Cámara de Comercio)",
        "gremio@laboratorio.example",
        "Jorge Serrano",
        "guild",
        organization="camara-de-comercio-de-bucaramanga",
        organization_admin=True,
    ),
    DemoAccount("ciudadana", "ciudadana@laboratorio.example", "Diana Pabón", "citizen"),
]


def accounts_banner(base_url: str) -> str:
    width = max(len(account.email) for account in DEMO_ACCOUNTS)
    lines = [
        "",
        "Laboratorio de Innovación Pública de Bucaramanga",
        f"  Sitio:         {base_url}/",
        f"  CMS (Wagtail): {base_url}/cms-admin/   ·   Django admin: {base_url}/django-admin/",
        f"  Correos enviados: en esta consola.   Contraseña de todas las cuentas: {DEMO_PASSWORD}",
        "",
        "  Cuentas de demostración:",
    ]
    lines += [f"    {account.email.ljust(width)}  {account.role}" for account in DEMO_ACCOUNTS]
    lines.append("")
    return "\n".join(lines)
