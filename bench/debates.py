"""Live debate rooms under load: 100, 500 and 1,000 clients in one room, two daphne processes.

    .venv/bin/python bench/debates.py [--clients 100,500,1000] [--seconds 10] [--rate 5]

Loads a live session into its own PostgreSQL database (`bench_debates`; BENCH_DATABASE_URL
changes it), starts `--workers` daphne processes with DEBUG off on the Redis channel layer, and
connects the clients (anonymous viewers, spread over the servers and over `--client-procs`
processes so that the load generator is not the bottleneck). Signed-in participants post
messages and a moderator pins an announcement, `--rate` events per second for `--seconds`;
every viewer records when each event arrives. Then a burst: `--chairs` moderator connections
each post a message, wait until the room has broadcast it, and post again, which measures the
ceiling in deliveries per second without piling up a backlog. The servers' resident memory is
read before and after the clients connect (and sampled while the largest room idles `--soak`
seconds).

The same payloads are then sent over raw Redis pub/sub (one PUBLISH, one subscriber
connection per client) with the same client processes, at the sustained rate and at the
event rate the room reached in its burst: the floor under any room built on Redis.
Latency is measured from the moment a sender writes its frame to the moment a viewer
has read and parsed the event. Loopback only; every phase is bounded in time; the servers stop
at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import multiprocessing as mp
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass

import common
from common import (
    SERVERS,
    bench_env,
    daphne_servers,
    ensure_postgres_database,
    manage,
    setup_django,
    signed_in,
)

TOKEN = re.compile(r"carga(\d+)z")
REDIS_CHANNEL = "bench:debates:fanout"
TOKENS = itertools.count(1)  # unique across every phase and run, so no late event is miscounted


# -- data -----------------------------------------------------------------------------------


def load_data(senders: int) -> tuple[str, str, list[str]]:
    """A live public session, a moderator and `senders` verified participants.

    Returns the room's WebSocket path, the moderator's session key and the senders' keys."""
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from accounts.models import Consent, User
    from sessions.models import DebateSession

    def person(email: str, name: str) -> User:
        user, created = User.objects.get_or_create(
            email=email, defaults={"display_name": name, "participant_type": "citizen"}
        )
        if created:
            user.set_unusable_password()
            user.save()
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
            Consent.objects.create(user=user, policy_version=settings.PRIVACY_POLICY_VERSION)
        return user

    moderator = person("moderacion@bench.example", "Moderación de carga")
    moderator.groups.add(Group.objects.get(name="moderators"))
    people = [person(f"sala{n}@bench.example", f"Participante {n}") for n in range(senders)]
    now = timezone.now()
    session = DebateSession.objects.filter(title="Sala de carga").first()
    if session is None:
        session = DebateSession.objects.create(
            title="Sala de carga",
            description="Una sala con mil personas conectadas.",
            starts_at=now - timezone.timedelta(minutes=5),
            ends_at=now + timezone.timedelta(days=365),
            status="live",
        )
    return session.ws_path, signed_in([moderator])[0], signed_in(people)


# -- clients --------------------------------------------------------------------------------


@dataclass
class Phase:
    name: str
    seconds: float
    rate: float | None  # events per second; None: as fast as allowed (the burst)


async def _viewer_room(
    client: int, port: int, path: str, arrivals: list, ready: asyncio.Event, stop: asyncio.Event
):
    import websockets

    async with websockets.connect(
        f"ws://127.0.0.1:{port}{path}",
        origin=f"http://127.0.0.1:{port}",
        max_queue=None,
        open_timeout=60,
    ) as ws:
        snapshot = json.loads(await ws.recv())
        assert snapshot["type"] == "snapshot", snapshot
        ready.set()
        while not stop.is_set():
            try:
                text = await asyncio.wait_for(ws.recv(), timeout=0.5)
            except TimeoutError:
                continue
            received = time.time()
            event = json.loads(text)
            match = TOKEN.search(text)
            if match:
                arrivals.append((client, int(match.group(1)), received, event.get("seq")))


async def _viewer_redis(
    client: int, redis_url: str, arrivals: list, ready: asyncio.Event, stop: asyncio.Event
):
    import redis.asyncio as redis

    connection = redis.from_url(redis_url, socket_timeout=None)
    pubsub = connection.pubsub()
    await pubsub.subscribe(REDIS_CHANNEL)
    ready.set()
    try:
        while not stop.is_set():
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.5)
            if message is None:
                continue
            received = time.time()
            text = message["data"].decode()
            event = json.loads(text)
            match = TOKEN.search(text)
            if match:
                arrivals.append((client, int(match.group(1)), received, event.get("seq")))
    finally:
        await pubsub.aclose()
        await connection.aclose()


def viewer_process(
    kind: str, target: dict, base: int, count: int, ready_queue, stop_event, results_path: str
) -> None:
    """One load-generator process: `count` viewers that record every event's arrival."""

    async def run():
        arrivals: list = []
        stop = asyncio.Event()
        readies = [asyncio.Event() for _ in range(count)]
        if kind == "room":
            ports = target["ports"]
            tasks = [
                asyncio.create_task(
                    _viewer_room(base + n, ports[n % len(ports)], target["path"], arrivals, readies[n], stop)
                )
                for n in range(count)
            ]
        else:
            tasks = [
                asyncio.create_task(_viewer_redis(base + n, target["redis_url"], arrivals, readies[n], stop))
                for n in range(count)
            ]
        # Every viewer ready within 180 s, or the first one that failed says why (and the run stops).
        all_ready = asyncio.ensure_future(asyncio.gather(*(ready.wait() for ready in readies)))
        deadline = asyncio.get_running_loop().time() + 180
        pending = set(tasks)
        while not all_ready.done():
            left = deadline - asyncio.get_running_loop().time()
            done, _ = await asyncio.wait(
                {all_ready, *pending}, timeout=max(left, 0), return_when="FIRST_COMPLETED"
            )
            failed = [task for task in done - {all_ready} if task.exception() is not None]
            if not done or failed:
                reason = repr(failed[0].exception()) if failed else "not every viewer was ready after 180 s"
                print(f"# a viewer could not join: {reason}", file=sys.stderr)
                ready_queue.put(-1)
                stop.set()
                return
            pending -= done
        ready_queue.put(count)
        while not stop_event.is_set():
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)  # what is still in flight
        stop.set()
        outcomes = await asyncio.gather(*tasks, return_exceptions=True)
        failures = [repr(outcome) for outcome in outcomes if isinstance(outcome, BaseException)]
        if failures:
            print(f"# {len(failures)} viewers failed, e.g. {failures[0]}", file=sys.stderr)
        with open(results_path, "w") as results:
            json.dump(arrivals, results)

    asyncio.run(run())


async def _connect(port: int, path: str, session_key: str):
    import websockets

    ws = await websockets.connect(
        f"ws://127.0.0.1:{port}{path}",
        origin=f"http://127.0.0.1:{port}",
        additional_headers={"Cookie": f"sessionid={session_key}"},
        max_queue=None,
    )
    snapshot = json.loads(await ws.recv())
    assert snapshot["type"] == "snapshot", snapshot
    return ws


async def _send_room(ports, path, participants, moderators, phases, sent) -> None:
    """Sustained phase: participants post messages and a moderator pins an announcement, at
    the phase's rate. Burst: each moderator connection posts, waits until the room has
    broadcast its message, and posts again (a closed loop: it measures the ceiling without
    piling up a backlog that would spill into the next measure)."""
    people = [await _connect(ports[n % len(ports)], path, key) for n, key in enumerate(participants)]
    chairs = [await _connect(ports[n % len(ports)], path, key) for n, key in enumerate(moderators)]
    waiting: dict[int, asyncio.Future] = {}

    async def read(ws) -> None:
        with contextlib.suppress(Exception):
            async for text in ws:
                match = TOKEN.search(text)
                if match:
                    future = waiting.pop(int(match.group(1)), None)
                    if future is not None and not future.done():
                        future.set_result(None)

    readers = [asyncio.create_task(read(ws)) for ws in [*people, *chairs]]

    async def chair_loop(ws, phase: Phase, stop_at: float) -> None:
        while time.monotonic() < stop_at:
            token = next(TOKENS)
            future = asyncio.get_running_loop().create_future()
            waiting[token] = future
            sent[token] = (phase.name, time.time())
            await ws.send(json.dumps({"type": "message.post", "body": f"Respuesta de la mesa carga{token}z"}))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(future, timeout=10)

    turn = 0
    for phase in phases:
        started = time.monotonic()
        if phase.rate is None:
            await asyncio.gather(*(chair_loop(ws, phase, started + phase.seconds) for ws in chairs))
        count = 0
        while phase.rate is not None and time.monotonic() - started < phase.seconds:
            token = next(TOKENS)
            count += 1
            turn += 1
            if count % 5 == 0:
                ws = chairs[0]
                frame = {"type": "announcement.pin", "text": f"Anuncio de la mesa carga{token}z"}
            else:
                ws = people[turn % len(people)]
                frame = {"type": "message.post", "body": f"Intervención carga{token}z"}
            sent[token] = (phase.name, time.time())
            await ws.send(json.dumps(frame))
            await asyncio.sleep(max(0.0, started + count / phase.rate - time.monotonic()))
        await asyncio.sleep(3.0)  # the phase's last events arrive before the next phase starts
    for ws in [*people, *chairs]:
        await ws.close()
    for task in readers:
        task.cancel()


async def _send_redis(redis_url, phases, sent, template: str, burst_rate: float) -> None:
    import redis.asyncio as redis

    client = redis.from_url(redis_url)
    for phase in phases:
        started = time.monotonic()
        count = 0
        while time.monotonic() - started < phase.seconds:
            token = next(TOKENS)
            count += 1
            sent[token] = (phase.name, time.time())
            await client.publish(REDIS_CHANNEL, template.replace("carga0z", f"carga{token}z"))
            rate = phase.rate if phase.rate is not None else burst_rate
            await asyncio.sleep(max(0.0, started + count / rate - time.monotonic()))
        await asyncio.sleep(3.0)
    await client.aclose()


# -- measure --------------------------------------------------------------------------------


@dataclass
class Figures:
    label: str
    clients: int
    phase: str
    events: int
    expected: int
    delivered: int
    seconds: float
    latencies_ms: list[float]
    out_of_order: int

    def pct(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def per_second(self) -> float:
        return self.delivered / self.seconds if self.seconds else 0.0


def rss_kib(pids: list[int]) -> int:
    """Resident memory of the server processes, in KiB."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/status") as status:
            total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return total


@dataclass
class Memory:
    clients: int
    before_kib: int
    connected_kib: int
    soak: list[tuple[float, int]]

    @property
    def per_connection_kib(self) -> float:
        return (self.connected_kib - self.before_kib) / self.clients


def run_phase_set(
    kind: str,
    target: dict,
    clients: int,
    procs: int,
    phases: list[Phase],
    send,
    server_pids: list[int] | None = None,
    soak: float = 0.0,
    memory: list | None = None,
) -> list[Figures]:
    ctx = mp.get_context("fork")
    before = rss_kib(server_pids) if server_pids else 0
    ready_queue, stop_event = ctx.Queue(), ctx.Event()
    folder = tempfile.mkdtemp(prefix="bench-debates-")
    paths = [os.path.join(folder, f"viewers-{n}.json") for n in range(procs)]
    shares = [clients // procs + (1 if n < clients % procs else 0) for n in range(procs)]
    workers = [
        ctx.Process(
            target=viewer_process,
            args=(kind, target, sum(shares[:n]), share, ready_queue, stop_event, paths[n]),
        )
        for n, share in enumerate(shares)
        if share
    ]
    for worker in workers:
        worker.start()
    for _ in workers:
        if ready_queue.get(timeout=240) < 0:
            stop_event.set()
            for worker in workers:
                worker.join(timeout=10)
            raise SystemExit("the viewers could not join the room (see above)")
    if server_pids and memory is not None:
        time.sleep(2.0)  # the last handshakes settle
        connected = rss_kib(server_pids)
        samples = [(0.0, connected)]
        started = time.monotonic()
        while time.monotonic() - started < soak:
            time.sleep(min(30.0, soak))
            samples.append((time.monotonic() - started, rss_kib(server_pids)))
        memory.append(Memory(clients, before, connected, samples))
    sent: dict[int, tuple[str, float]] = {}
    asyncio.run(send(sent))
    stop_event.set()
    for worker in workers:
        worker.join(timeout=120)
    arrivals = []
    for path in paths:
        if os.path.exists(path):
            with open(path) as results:
                arrivals += [tuple(item) for item in json.load(results)]
    shutil.rmtree(folder, ignore_errors=True)
    figures = []
    for phase in phases:
        tokens = {token for token, (name, _) in sent.items() if name == phase.name}
        mine = [(client, token, at, seq) for client, token, at, seq in arrivals if token in tokens]
        latencies = [(at - sent[token][1]) * 1000 for _, token, at, _ in mine]
        first_sent = min((sent[token][1] for token in tokens), default=0.0)
        last_arrival = max((at for _, _, at, _ in mine), default=first_sent)
        # Every client must see the room's events in the order of their `seq` (the Redis
        # baseline has no seq: its order is checked by token, which the publisher sends in order).
        by_client: dict[int, list[int]] = {}
        for client, token, _, seq in mine:
            by_client.setdefault(client, []).append(seq if kind == "room" else token)
        out_of_order = sum(1 for seqs in by_client.values() if seqs != sorted(seqs))
        figures.append(
            Figures(
                label=kind,
                clients=clients,
                phase=phase.name,
                events=len(tokens),
                expected=len(tokens) * clients,
                delivered=len(mine),
                seconds=max(1e-9, last_arrival - first_sent),
                latencies_ms=latencies,
                out_of_order=out_of_order,
            )
        )
    return figures


def sample_event(path: str) -> str:
    """The text of a real `message.posted` event of the run, its token set to 0."""
    from sessions.events import Event
    from sessions.models import SessionEvent

    row = SessionEvent.objects.filter(type="message.posted").order_by("-pk").first()
    event = Event(
        type=row.type,
        session_id=row.session_id,
        seq=row.seq,
        payload=row.payload,
        at=row.created_at.isoformat(),
    )
    return TOKEN.sub("carga0z", event.to_json())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", default="100,500,1000")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of the sustained phase")
    parser.add_argument("--burst-seconds", type=float, default=5.0)
    parser.add_argument("--rate", type=float, default=5.0, help="events per second in the sustained phase")
    parser.add_argument(
        "--workers", type=int, default=2, help="server processes (4: the room's fan-out grows)"
    )
    parser.add_argument("--server", default="daphne", choices=SERVERS)
    parser.add_argument("--client-procs", type=int, default=2, help="load-generator processes")
    parser.add_argument("--participants", type=int, default=60, help="signed-in people posting")
    parser.add_argument("--chairs", type=int, default=10, help="moderator connections in the burst")
    parser.add_argument(
        "--soak", type=float, default=0.0, help="seconds the largest room stays idle while RSS is sampled"
    )
    args = parser.parse_args()

    database_url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_debates")
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
    ensure_postgres_database(database_url)
    env = bench_env(database_url, redis_url)
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    setup_django(env)
    path, moderator, participants = load_data(args.participants)
    from django.db import connections

    connections.close_all()
    phases = [Phase("sustained", args.seconds, args.rate), Phase("burst", args.burst_seconds, None)]
    counts = [int(n) for n in args.clients.split(",")]
    rows: list[Figures] = []
    print(
        f"# {os.cpu_count()} cores, {args.workers} {args.server} on the Redis pub/sub layer, PostgreSQL, "
        f"{args.client_procs} client processes; sustained {args.rate:g} events/s for {args.seconds:g} s, "
        f"burst of {args.burst_seconds:g} s from {args.chairs} moderator connections (closed loop)"
    )
    memory: list[Memory] = []
    with daphne_servers(env, args.workers, args.server) as ports:
        pids = list(common.SERVER_PIDS)
        for clients in counts:
            rows += run_phase_set(
                "room",
                {"ports": ports, "path": path},
                clients,
                args.client_procs,
                phases,
                lambda sent: _send_room(ports, path, participants, [moderator] * args.chairs, phases, sent),
                server_pids=pids,
                soak=args.soak if clients == max(counts) else 0.0,
                memory=memory,
            )
    template = sample_event(path)
    connections.close_all()
    for clients in counts:
        # The same payloads at the same rates: the room's sustained rate, and the event rate the
        # room reached in its burst with as many clients.
        room_burst = next(row for row in rows if row.clients == clients and row.phase == "burst")
        burst_rate = max(1.0, room_burst.events / max(room_burst.seconds, 1e-9))
        rows += run_phase_set(
            "redis pub/sub",
            {"redis_url": redis_url},
            clients,
            args.client_procs,
            phases,
            lambda sent, burst_rate=burst_rate: _send_redis(redis_url, phases, sent, template, burst_rate),
        )
    print(f"# payload of {len(template.encode())} bytes, e.g. {template[:120]}...")
    for item in memory:
        soak = ", ".join(f"{at:.0f} s: {kib / 1024:.0f} MiB" for at, kib in item.soak)
        print(
            f"# {item.clients} connections: servers' RSS {item.before_kib / 1024:.0f} -> "
            f"{item.connected_kib / 1024:.0f} MiB, {item.per_connection_kib:.1f} KiB each; idle: {soak}"
        )
    print(
        f"{'what':<15}{'clients':>8}{'phase':>11}{'events':>8}{'ev/s':>7}{'lost':>7}{'order':>7}"
        f"{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'deliv/s':>10}"
    )
    for row in rows:
        print(
            f"{row.label:<15}{row.clients:>8}{row.phase:>11}{row.events:>8}{row.events / row.seconds:>7.0f}"
            f"{row.expected - row.delivered:>7}{row.out_of_order:>7}"
            f"{statistics.median(row.latencies_ms) if row.latencies_ms else float('nan'):>9.1f}"
            f"{row.pct(0.95):>9.1f}{row.pct(0.99):>9.1f}{row.per_second:>10.0f}"
        )


if __name__ == "__main__":
    main()
