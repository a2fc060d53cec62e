"""The participation loop at scale: 10,000 ideas and 200,000 supports in PostgreSQL.

    .venv/bin/python bench/participation.py [--seconds 10] [--workers 2] [--clients 200]

Loads the data once into its own database (`bench_participation`; BENCH_DATABASE_URL changes it),
starts daphne processes with DEBUG off, and measures, next to the trivial `/salud/` view of the
same servers in the same run: the challenge page, an idea page, the idea list API, and the
support endpoint with `--clients` concurrent signed-in people (each supports ideas, withdraws,
supports again). It then checks that every idea's support_count equals COUNT(*) of its rows.
Loopback only; every load is bounded by `--seconds`; the servers stop at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import time
from urllib.parse import quote

from common import (
    SERVERS,
    bench_env,
    build_request,
    daphne_servers,
    ensure_postgres_database,
    load,
    manage,
    setup_django,
    signed_in,
)

IDEAS = 10_000
SUPPORTS = 200_000
USERS = 2_000


def load_data() -> tuple[int, int]:
    """Create the challenge (in voting), people, ideas and supports once.

    Returns the challenge's id and one idea's id."""
    import random

    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from accounts.models import Consent, User
    from challenges.models import ChallengeIndexPage, ChallengePage
    from cms.models import HomePage
    from core.markdown import render_markdown
    from ideas.models import Idea, Support

    challenge = ChallengePage.objects.filter(slug="reto-de-carga").first()
    if challenge is not None and Idea.objects.filter(challenge=challenge).count() >= IDEAS:
        return challenge.pk, Idea.objects.filter(challenge=challenge).order_by("pk").first().pk

    started = time.monotonic()
    index = ChallengeIndexPage.objects.first()
    if index is None:
        index = ChallengeIndexPage(title="Retos", slug="retos")
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
    now = timezone.now()
    day = timezone.timedelta(days=1)
    challenge = ChallengePage(
        title="Reto de carga",
        slug="reto-de-carga",
        summary="Diez mil ideas y doscientos mil apoyos.",
        ideas_open_at=now - 30 * day,
        ideas_close_at=now - 10 * day,
        voting_open_at=now - day,
        voting_close_at=now + 300 * day,
        results_at=now + 310 * day,
    )
    index.add_child(instance=challenge)
    challenge.save_revision().publish()

    users = User.objects.bulk_create(
        [
            User(
                email=f"carga{n}@bench.example",
                display_name=f"Persona {n}",
                participant_type="citizen",
                password="!",  # noqa: S106  (an unusable password)
            )
            for n in range(USERS + 500)
        ],
        batch_size=2000,
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, primary=True, verified=True) for u in users], batch_size=2000
    )
    Consent.objects.bulk_create(
        [Consent(user=u, policy_version=settings.PRIVACY_POLICY_VERSION) for u in users], batch_size=2000
    )
    body = "Una idea de carga con **Markdown** y una lista:\n\n- uno\n- dos"
    html = render_markdown(body)
    ideas = Idea.objects.bulk_create(
        [
            Idea(
                challenge=challenge,
                author=users[n % USERS],
                title=f"Idea de carga número {n}",
                body=body,
                body_html=html,
            )
            for n in range(IDEAS)
        ],
        batch_size=2000,
    )
    rng = random.Random(7)  # noqa: S311
    per_user = SUPPORTS // USERS
    batch = []
    for user in users[:USERS]:
        for idea in rng.sample(ideas, per_user):
            batch.append(Support(idea=idea, user=user, participant_type="citizen"))
        if len(batch) >= 20_000:
            Support.objects.bulk_create(batch, batch_size=5000)
            batch = []
    Support.objects.bulk_create(batch, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE ideas_idea SET support_count = "
            "(SELECT COUNT(*) FROM ideas_support s WHERE s.idea_id = ideas_idea.id) WHERE challenge_id = %s",
            [challenge.pk],
        )
        cursor.execute("ANALYZE")
    print(
        f"# loaded {IDEAS} ideas, {SUPPORTS} supports, {USERS + 500} people "
        f"in {time.monotonic() - started:.0f} s"
    )
    return challenge.pk, ideas[0].pk


def sessions_for(count: int) -> list[str]:
    """Signed-in sessions for `count` people who have not supported anything yet."""
    from accounts.models import User

    people = User.objects.filter(email__startswith="carga", supports__isnull=True).order_by("pk")
    return signed_in(people[:count])


def exact_counts(challenge_id: int) -> tuple[int, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM ideas_idea i WHERE i.challenge_id = %s AND i.support_count <> "
            "(SELECT COUNT(*) FROM ideas_support s WHERE s.idea_id = i.id)",
            [challenge_id],
        )
        wrong = cursor.fetchone()[0]
        cursor.execute(
            "SELECT COUNT(*) FROM ideas_support s JOIN ideas_idea i ON i.id = s.idea_id "
            "WHERE i.challenge_id = %s",
            [challenge_id],
        )
        return wrong, cursor.fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16, help="connections for the page loads")
    parser.add_argument("--clients", type=int, default=200, help="signed-in people on the support endpoint")
    parser.add_argument("--server", default="daphne", choices=SERVERS)
    args = parser.parse_args()

    database_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_participation"
    )
    ensure_postgres_database(database_url)
    env = bench_env(database_url, os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4"))
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    setup_django(env)
    challenge_id, idea_id = load_data()
    from challenges.models import ChallengePage
    from ideas.models import Idea

    challenge_url = ChallengePage.objects.get(pk=challenge_id).url
    idea_ids = list(
        Idea.objects.filter(challenge_id=challenge_id).order_by("?").values_list("pk", flat=True)[:50]
    )
    sessions = sessions_for(args.clients)
    csrf = secrets.token_hex(16)  # 32 characters: a valid CSRF secret, sent as cookie and header

    def support_request(n: int) -> bytes:
        cookie = f"sessionid={sessions[n % len(sessions)]}; csrftoken={csrf}"
        idea = idea_ids[n % len(idea_ids)]
        return build_request(
            "POST",
            f"/api/v1/ideas/{idea}/support/",
            {"Cookie": cookie, "X-CSRFToken": csrf, "Content-Type": "application/json"},
        )

    def withdraw_request(n: int) -> bytes:
        cookie = f"sessionid={sessions[n % len(sessions)]}; csrftoken={csrf}"
        idea = idea_ids[n % len(idea_ids)]
        return build_request(
            "DELETE", f"/api/v1/ideas/{idea}/support/", {"Cookie": cookie, "X-CSRFToken": csrf}
        )

    print(
        f"# {os.cpu_count()} cores, {args.workers} {args.server}, PostgreSQL + Redis, "
        f"{Idea.objects.count()} ideas, {args.seconds:.0f} s per measure"
    )
    rows = []
    with daphne_servers(env, args.workers, args.server) as ports:
        for path in [
            "/salud/",
            challenge_url,
            f"/ideas/{idea_id}/",
            f"/api/v1/ideas/?challenge={challenge_id}",
        ]:
            asyncio.run(load(ports, path, concurrency=4, seconds=1))  # warm up
        baseline = asyncio.run(load(ports, "/salud/", concurrency=args.concurrency, seconds=args.seconds))
        rows.append(baseline)
        for label, path in [
            ("challenge page", challenge_url),
            ("idea page", f"/ideas/{idea_id}/"),
            ("idea list API", f"/api/v1/ideas/?challenge={challenge_id}&ordering=-supports"),
        ]:
            rows.append(
                asyncio.run(
                    load(ports, path, concurrency=args.concurrency, seconds=args.seconds, label=label)
                )
            )
        # Signed in: each connection is another person (the shared idea list, their own supports).
        signed_in_pages = [
            build_request("GET", challenge_url, {"Cookie": f"sessionid={key}"})
            for key in sessions[: args.concurrency]
        ]
        rows.append(
            asyncio.run(
                load(
                    ports,
                    challenge_url,
                    concurrency=args.concurrency,
                    seconds=args.seconds,
                    requests=signed_in_pages,
                    label="challenge, signed in",
                )
            )
        )
        # Site search over the 10,000 ideas: anonymous (the page cache answers) and signed in,
        # which the page cache never answers, each connection asking for something else.
        rows.append(
            asyncio.run(
                load(
                    ports,
                    "/buscar/?q=carga",
                    concurrency=args.concurrency,
                    seconds=args.seconds,
                    label="search, anonymous",
                )
            )
        )
        search_words = ["corrupción", "carga", "número 613", "idea 4711", "contratos", "número 9999"]
        signed_in_searches = [
            build_request(
                "GET",
                f"/buscar/?q={quote(search_words[n % len(search_words)])}",
                {"Cookie": f"sessionid={key}"},
            )
            for n, key in enumerate(sessions[: args.concurrency])
        ]
        rows.append(
            asyncio.run(
                load(
                    ports,
                    "/buscar/",
                    concurrency=args.concurrency,
                    seconds=args.seconds,
                    requests=signed_in_searches,
                    label="search, signed in",
                )
            )
        )
        ok = (b" 200 ", b" 201 ")
        rows.append(
            asyncio.run(
                load(
                    ports,
                    "support",
                    concurrency=args.clients,
                    seconds=args.seconds,
                    ok_statuses=ok,
                    label="support (POST)",
                    requests=[support_request(n) for n in range(args.clients)],
                )
            )
        )
        rows.append(
            asyncio.run(
                load(
                    ports,
                    "withdraw",
                    concurrency=args.clients,
                    seconds=args.seconds,
                    ok_statuses=ok,
                    label="withdraw (DELETE)",
                    requests=[withdraw_request(n) for n in range(args.clients)],
                )
            )
        )
    wrong, total = exact_counts(challenge_id)
    print(f"{'what':<20}{'req/s':>9}{'ratio':>8}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
    for row in rows:
        print(
            f"{row.path:<20}{row.rps:>9.1f}{row.rps / baseline.rps:>8.2f}{row.median_ms:>9.1f}"
            f"{row.percentile(0.95):>9.1f}{row.errors:>8}  {' '.join(sorted(row.statuses))}"
        )
    print(f"support counts: {wrong} ideas differ from COUNT(*) ({total} support rows)")


if __name__ == "__main__":
    main()
